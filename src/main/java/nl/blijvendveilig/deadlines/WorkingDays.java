package nl.blijvendveilig.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;

/**
 * Working-day arithmetic, the one place where weekends and Dutch public holidays are skipped.
 *
 * <p>Holidays are those of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Goede Vrijdag, Tweede
 * Paasdag, Koningsdag, Bevrijdingsdag (5 mei), Hemelvaartsdag, Tweede Pinksterdag and both
 * Kerstdagen. Easter Sunday and Whit Sunday fall on a Sunday and are skipped as such.
 */
public final class WorkingDays {

  private WorkingDays() {
  }

  public static LocalDate plus(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
    LocalDate day = start;
    int remaining = workingDays;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(day);
  }

  public static boolean isPublicHoliday(LocalDate day) {
    return holidays(day.getYear()).contains(day);
  }

  static Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));   // Goede Vrijdag
    days.add(easter.plusDays(1));    // Tweede Paasdag
    days.add(kingsDay(year));
    days.add(MonthDay.of(Month.MAY, 5).atYear(year));
    days.add(easter.plusDays(39));   // Hemelvaartsdag
    days.add(easter.plusDays(50));   // Tweede Pinksterdag
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    days.add(LocalDate.of(year, Month.DECEMBER, 26));
    return days;
  }

  /** 27 April, or the 26th when the 27th is a Sunday. */
  static LocalDate kingsDay(int year) {
    LocalDate day = LocalDate.of(year, Month.APRIL, 27);
    return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
  }

  /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
