package nl.blijvendveilig.security;

import java.util.Set;

/** The roles of PROCESS.md section 2: a Camunda group each, used as candidate group in the models. */
public enum Role {
  INTAKE("intake", "Aanmeldteam", Set.of("tasklist")),
  JEUGDBESCHERMER("jeugdbeschermer", "Jeugdbeschermer", Set.of("tasklist")),
  TEAMLEIDER("teamleider", "Teamleider", Set.of("tasklist", "cockpit")),
  GEDRAGSWETENSCHAPPER("gedragswetenschapper", "Gedragswetenschapper", Set.of("tasklist")),
  JURIST("jurist", "Jurist", Set.of("tasklist")),
  JEUGDTEAM("jeugdteam", "Lokaal team", Set.of("tasklist")),
  PROCESONTWERPER("procesontwerper", "Procesontwerper", Set.of("cockpit")),
  BEHEERDER("camunda-admin", "Beheerder", Set.of("tasklist", "cockpit", "admin"));

  private final String groupId;
  private final String displayName;
  private final Set<String> applications;

  Role(String groupId, String displayName, Set<String> applications) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.applications = applications;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public Set<String> applications() {
    return applications;
  }
}
