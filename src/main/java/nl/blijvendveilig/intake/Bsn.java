package nl.blijvendveilig.intake;

/** The Dutch citizen service number and its elfproef (11-test). */
public final class Bsn {

  private Bsn() {
  }

  public static boolean isValid(String bsn) {
    if (bsn == null || !bsn.matches("\\d{9}") || bsn.equals("000000000")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (bsn.charAt(i) - '0') * (9 - i);
    }
    sum -= bsn.charAt(8) - '0';
    return sum % 11 == 0;
  }
}
