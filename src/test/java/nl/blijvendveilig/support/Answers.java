package nl.blijvendveilig.support;

import static nl.blijvendveilig.support.CaseDriver.vars;

import java.util.Map;

/** What a worker fills in on each task's form, valid by that form's rules: one place for all tests. */
public final class Answers {

  private Answers() {
  }

  public static Map<String, Object> raadRequested() {
    return vars("verzoekRaadIngediendOp", "2026-04-30", "verzoekRaadToelichting", "Ouders werken niet mee aan het veiligheidsplan.");
  }

  public static Map<String, Object> raadStarted() {
    return vars("raadOnderzoekGestartOp", "2026-05-06", "raadContactpersoon", "R. de Raad");
  }

  public static Map<String, Object> raadAdvisesMeasure() {
    return vars("raadAdvies", "maatregel-verzoeken", "raadRapportSamenvatting", "De Raad verzoekt een OTS voor beide kinderen.");
  }

  public static Map<String, Object> ots(String start, String end) {
    return vars("maatregelUitgesproken", "ja", "maatregelType", "ots", "maatregelStart", start, "maatregelEinde", end,
        "beschikkingKenmerk", "C/09/123456");
  }

  public static Map<String, Object> assign(String jeugdbeschermer) {
    return vars("jeugdbeschermer", jeugdbeschermer);
  }

  public static Map<String, Object> homeVisit() {
    return vars("huisbezoekDatum", "2026-06-03", "alleKinderenGezien", "ja",
        "huisbezoekVerslag", "Beide kinderen gezien; moeder vertelt open over de spanningen thuis.");
  }

  public static Map<String, Object> safetyEstimate(long score) {
    return vars("veiligheidsscore", score, "veiligheidsinschatting", "Samen met moeder en oma ingeschat; afspraken werken.");
  }

  public static Map<String, Object> safetyPlan() {
    return vars("bodemeisen", "Er wordt niet geslagen.", "veiligheidsafspraken", "Oma komt elke avond langs.",
        "consequenties", "Bij schending gaan de kinderen naar oma.", "vertrouwenspersonen",
        "[{\"kind\": \"Sanne\", \"naam\": \"Juf Ans\", \"relatie\": \"leerkracht\"},"
            + " {\"kind\": \"Daan\", \"naam\": \"Oma Riet\", \"relatie\": \"oma\"}]");
  }

  public static Map<String, Object> network() {
    return vars("netwerkleden", "[{\"naam\": \"Oma Riet\", \"relatie\": \"oma\", \"rol\": \"informeel\"},"
            + " {\"naam\": \"Juf Ans\", \"relatie\": \"leerkracht Sanne\", \"rol\": \"professioneel\"}]",
        "genogramGemaakt", true, "sociogramGemaakt", true,
        "familiegroepsplanAangeboden", "ja", "kindAlleenGesproken", "ja");
  }

  public static Map<String, Object> pattern() {
    return vars("patroon", "Bij geldzorgen escaleert ruzie tussen de ouders en raken de kinderen klem.",
        "instandhoudendeFactoren", "Schulden, isolement", "risicotaxatie", "midden");
  }

  public static Map<String, Object> changePlan() {
    return vars("haalbareEindsituatie", "Ouders lossen ruzie op zonder geweld; oma blijft vangnet.",
        "watVerandert", "Geen geweld bij ruzie.", "watBlijftGecompenseerd", "Oma vangt op bij spanning.",
        "doelen", GOALS_AT_START);
  }

  public static Map<String, Object> caseConsultation() {
    return vars("veranderplanAkkoord", "ja", "casuistiekAdvies", "Plan is haalbaar; let op de rol van vader.");
  }

  public static Map<String, Object> familyBacksPlan(boolean backs) {
    return vars("gezinStaatAchterPlan", backs ? "ja" : "nee", "gezinsplanReactie", "Gezin en netwerk hebben het plan besproken.");
  }

  public static Map<String, Object> contact(long score) {
    return vars("contactType", "huisbezoek", "aanwezigen", "[\"ouders\",\"kinderen\"]", "veiligheidsscore", score,
        "contactVerslag", "Gesproken over de afspraken van deze week.");
  }

  public static Map<String, Object> help() {
    return vars("hulpPerDoel", "Schuldhulp via de gemeente; oudercursus bij Triple P.", "hulpaanbieders", "Gemeente, Triple P");
  }

  public static Map<String, Object> networkMeeting() {
    return vars("netwerkbijeenkomstDatum", "2026-08-01", "netwerkbijeenkomstDeelnemers", "Ouders, oma, schuldhulp",
        "netwerkbijeenkomstAfspraken", "Oma blijft twee avonden per week.");
  }

  public static final String GOALS_AT_START = "[{\"doel\": \"Schulden geregeld\", \"eigenaar\": \"vader\","
      + " \"hulp\": \"schuldhulp\"}, {\"doel\": \"Ruzie zonder geweld\", \"eigenaar\": \"ouders\","
      + " \"hulp\": \"oudercursus\"}]";

  public static String goalsAt(int first, int second) {
    return ("[{\"doel\": \"Schulden geregeld\", \"eigenaar\": \"vader\", \"hulp\": \"schuldhulp\", \"voortgang\": %d},"
        + " {\"doel\": \"Ruzie zonder geweld\", \"eigenaar\": \"ouders\", \"hulp\": \"oudercursus\", \"voortgang\": %d}]")
        .formatted(first, second);
  }

  public static Map<String, Object> progress(String voortgang) {
    return progress(voortgang, "doelen-bereikt".equals(voortgang) ? 100 : 40, "doelen-bereikt".equals(voortgang) ? 100 : 30);
  }

  public static Map<String, Object> progress(String voortgang, int first, int second) {
    return vars("voortgang", voortgang, "voortgangToelichting", "Besproken in de netwerkbijeenkomst.",
        "doelen", goalsAt(first, second));
  }

  public static Map<String, Object> safeguardingPlan() {
    return vars("terugvalsignalen", "Weer schulden, ruzie.", "wieGrijptIn", "Oma belt het jeugdteam.",
        "doorlopendeHulp", "Schuldhulp", "jeugdteamVolgt", "Lotte Lokaal");
  }

  public static Map<String, Object> familyOwnsSafety(boolean owns) {
    return vars("gezinBorgtZelf", owns ? "ja" : "nee", "borgingToelichting", "Drie maanden zonder incidenten.");
  }

  public static Map<String, Object> requestTermination() {
    return vars("opheffingVerzochtOp", "2026-12-01", "opheffingOnderbouwing", "De veiligheid is geborgd zonder maatregel.");
  }

  public static Map<String, Object> terminationDecided(boolean granted) {
    return vars("opheffingToegewezen", granted ? "ja" : "nee", "beschikkingKenmerk", "C/09/123999");
  }

  public static Map<String, Object> handOver() {
    return vars("overdrachtsgesprekOp", "2026-12-15", "overdrachtAandachtspunten", "Schulden blijven aandachtspunt.");
  }

  public static Map<String, Object> handoverReceived() {
    return vars("overdrachtCompleet", "ja", "jeugdteamContactpersoon", "Lotte Lokaal");
  }

  public static Map<String, Object> followUp(boolean safe) {
    return vars("veiligNaAfsluiting", safe ? "ja" : "nee", "followUpToelichting", "Huisbezoek: het gaat goed.");
  }

  public static Map<String, Object> evaluateMeasure(boolean extend) {
    return vars("verlengingNodig", extend ? "ja" : "nee", "evaluatieOnderbouwing", "Het veranderplan is nog niet gerealiseerd.");
  }

  public static Map<String, Object> approveExtension() {
    return vars("verlengingAkkoordTeamleider", "ja");
  }

  public static Map<String, Object> cosignExtension() {
    return vars("verlengingAkkoordGedragswetenschapper", "ja");
  }

  public static Map<String, Object> requestExtension() {
    return vars("verzoekVerlengingIngediendOp", "2027-02-20");
  }

  public static Map<String, Object> extended(String newEnd) {
    return vars("verlengd", "ja", "nieuweEinddatum", newEnd, "beschikkingKenmerk", "C/09/124000");
  }

  public static Map<String, Object> notExtended() {
    return vars("verlengd", "nee", "beschikkingKenmerk", "C/09/124001");
  }

  public static Map<String, Object> escalationHandled() {
    return Meldingen.escalationHandled();
  }
}
