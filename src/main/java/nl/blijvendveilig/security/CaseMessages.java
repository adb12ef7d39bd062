package nl.blijvendveilig.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The messages a person (or another system, with an account in the role's group) may send to a case,
 * who may send each, and what it may carry: the fields of the form of the task it stands in for, or
 * the variables named here. The message table of src/docs/security.md is this table. Whether the sender may send it
 * to <em>that</em> case is the engine's per-case grant (UPDATE on the case's process instance).
 */
public enum CaseMessages {
  RAAD_ONDERZOEK_GESTART("RaadOnderzoekGestart", "raadsonderzoek-gestart", Set.of(), Role.JURIST),
  RAAD_RAPPORT("RaadRapport", "raadsrapport-registreren", Set.of(), Role.JURIST),
  BESCHIKKING("Beschikking", "beschikking-registreren", Set.of(), Role.JURIST),
  BESCHIKKING_VERLENGING("BeschikkingVerlenging", "beschikking-verlenging-registreren", Set.of(), Role.JURIST),
  BESCHIKKING_OPHEFFING("BeschikkingOpheffing", "beschikking-opheffing-registreren", Set.of(), Role.JURIST),
  BESCHIKKING_GESLOTEN_JEUGDHULP("BeschikkingGeslotenJeugdhulp", "beschikking-gesloten-jeugdhulp-registreren",
      Set.of(), Role.JURIST),
  ACUTE_ONVEILIGHEID("AcuteOnveiligheid", null, Set.of(), Role.JEUGDBESCHERMER, Role.TEAMLEIDER,
      Role.GEDRAGSWETENSCHAPPER, Role.JURIST, Role.INTAKE, Role.JEUGDTEAM),
  CRISISPLAATSING("Crisisplaatsing", null, Set.of(), Role.JEUGDBESCHERMER, Role.TEAMLEIDER),
  JEUGDBESCHERMER_WIJZIGEN("JeugdbeschermerWijzigen", null, Set.of("nieuweJeugdbeschermer"), Role.TEAMLEIDER),
  /** Sent by the process itself when a melding joins an open case; no person sends it. */
  NIEUWE_MELDING("NieuweMelding", null, Set.of());

  private final String messageName;
  private final String formId;
  private final Set<String> variables;
  private final Set<Role> senders;

  CaseMessages(String messageName, String formId, Set<String> variables, Role... senders) {
    this.messageName = messageName;
    this.formId = formId;
    this.variables = variables;
    this.senders = Set.of(senders);
  }

  public static Optional<CaseMessages> named(String messageName) {
    return Arrays.stream(values()).filter(message -> message.messageName.equals(messageName)).findFirst();
  }

  public String messageName() {
    return messageName;
  }

  /** The form whose fields the message carries, if it stands in for a task's form. */
  public Optional<String> formId() {
    return Optional.ofNullable(formId);
  }

  /** The variables it carries besides a form's fields. */
  public Set<String> variables() {
    return variables;
  }

  public Set<Role> senders() {
    return senders;
  }

  public boolean maySend(java.util.Collection<String> groups) {
    return senders.stream().map(Role::groupId).anyMatch(groups::contains);
  }

  String sendersInDutch() {
    return senders.isEmpty() ? "niemand (alleen het proces zelf)"
        : senders.stream().map(Role::displayName).sorted().collect(Collectors.joining(", "));
  }

  public String refusal() {
    return "Het bericht " + messageName + " mag alleen verstuurd worden door: " + sendersInDutch();
  }
}
