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

  public static Map<String, Object> notAcute() {
    return melding(CHILDREN_JSON, "[]");
  }

  public static Map<String, Object> acute() {
    return melding(CHILDREN_JSON, "[\"fysieke-mishandeling\"]");
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
