package nl.blijvendveilig.benchmark;

/**
 * Where a case of the benchmark's caseload is left: the task of that stage is open and waits for its
 * worker. {@link #CLOSED} is a whole lifecycle, melding to follow-up.
 */
public enum Stage {
  MELDING("Task_AssessSafety"),
  RAAD("Task_RegisterRaadStarted"),
  FASE1("Task_HomeVisit"),
  FASE2("Task_ArrangeHelp"),
  FASE3("Task_CheckFamilyOwnsSafety"),
  BORGING("Task_HandOver"),
  CLOSED(null);

  /** The task left open, or null when the case runs to its end. */
  public final String openTask;

  Stage(String openTask) {
    this.openTask = openTask;
  }

  public boolean hasJeugdbeschermer() {
    return ordinal() >= FASE1.ordinal();
  }
}
