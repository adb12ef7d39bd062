package nl.blijvendveilig.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/** The variables that the start form "Melding registreren" sends, as Tasklist sends them. */
public final class Meldingen {

  public static final String CHILDREN_JSON = """
      [{"voornaam": "Sanne", "achternaam": "de Vries", "geboortedatum": "2018-03-14", "bsn": "111222333"},
       {"voornaam": "Daan", "achternaam": "de Vries", "geboortedatum": "2021-11-02"}]""";

  private Meldingen() {
  }

  private static final java.util.concurrent.atomic.AtomicInteger FAMILIES = new java.util.concurrent.atomic.AtomicInteger();

  /** A melding about a family of its own: two children, one with a BSN, one known by name and birth date. */
  public static Map<String, Object> notAcute() {
    return melding(newFamily(), "[]");
  }

  public static Map<String, Object> acute() {
    return melding(newFamily(), "[\"fysieke-mishandeling\"]");
  }

  public static String newFamily() {
    int n = FAMILIES.incrementAndGet();
    return """
        [{"voornaam": "Sanne", "achternaam": "Gezin%d", "geboortedatum": "2018-03-14", "bsn": "%s"},
         {"voornaam": "Daan", "achternaam": "Gezin%d", "geboortedatum": "2021-11-02"}]""".formatted(n, bsn(n), n);
  }

  /** A BSN that passes the elfproef, different for every n (and from the fixed ones in the tests). */
  public static String bsn(int n) {
    for (int candidate = 20_000_000 + n * 10; ; candidate++) {
      String first8 = String.format("%08d", candidate % 100_000_000);
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (first8.charAt(i) - '0') * (9 - i);
      }
      int check = sum % 11;
      if (check < 10) {
        return first8 + check;
      }
    }
  }

  public static Map<String, Object> melding(String childrenJson, String acuteThreatsJson) {
    Map<String, Object> variables = new HashMap<>(Variables.createVariables()
        .putValue("melderNaam", "Mw. Bakker")
        .putValue("melderRelatie", "leerkracht")
        .putValue("melderContact", "06-12345678")
        .putValue("gezinsnaam", "De Vries")
        .putValue("gezinsAdres", "Dorpsstraat 1")
        .putValue("woonplaats", "Leiden")
        .putValue("zorgen", "Sanne kwam drie keer deze maand met blauwe plekken op haar armen op school.")
        .putValue("oudersGeinformeerd", "ja"));
    variables.put("kinderen", SpinValues.jsonValue(childrenJson).create());
    variables.put("acuteDreigingen", SpinValues.jsonValue(acuteThreatsJson).create());
    return variables;
  }

  public static Map<String, Object> assessment(String route) {
    return Variables.createVariables()
        .putValue("kindAlleenGesproken", "ja")
        .putValue("veiligheidsfactoren", SpinValues.jsonValue("[\"fysieke-mishandeling\"]").create())
        .putValue("veiligheidsoordeel", "voorwaardelijk-veilig")
        .putValue("veiligheidsscore", 5L)
        .putValue("beoordelingToelichting", "Beide kinderen alleen gesproken; moeder werkt mee, vader ontkent.")
        .putValue("route", route)
        .putValue("routeBesprokenMetGezin", true);
  }

  public static Map<String, Object> cosign(boolean agreed) {
    return agreed
        ? Variables.createVariables().putValue("medeondertekening", "akkoord")
        : Variables.createVariables().putValue("medeondertekening", "niet-akkoord")
            .putValue("medeondertekeningToelichting", "Daan is niet alleen gesproken; doe dat eerst.");
  }

  public static Map<String, Object> reporterFeedback() {
    return Variables.createVariables()
        .putValue("terugkoppelingWijze", "telefonisch")
        .putValue("melderBereikt", "ja")
        .putValue("terugkoppelingInhoud", "Melding is onderzocht; er is passende hulp ingezet.");
  }

  public static Map<String, Object> childSecured() {
    return Variables.createVariables()
        .putValue("genomenMaatregelen", SpinValues.jsonValue("[\"kind-bij-netwerk\"]").create())
        .putValue("kindVeiliggesteld", "ja")
        .putValue("veiligstellenToelichting", "Sanne en Daan slapen bij oma tot de beoordeling.");
  }

  public static Map<String, Object> escalationHandled() {
    return Variables.createVariables()
        .putValue("escalatieActie", "Met de aanmelder besproken; vandaag nog huisbezoek.");
  }
}
