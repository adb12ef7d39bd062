package nl.blijvendveilig.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.Meldingen;

/**
 * The path of one case as its workers walk it in Tasklist (the same path as {@code CaseWalkRestIT}):
 * assessment, Raad, an OTS, assignment, the three phases, opheffing, handover, closure and follow-up.
 * Each step is a user task completed with what its form sends; the async plan updates and the two
 * timers on this path (network meeting, follow-up) are left to the job executor.
 */
final class CaseScript {

  /** Who completes a step: a role's group, or the case's own jeugdbeschermer. */
  enum Who { INTAKE, GEDRAGSWETENSCHAPPER, JURIST, TEAMLEIDER, JEUGDBESCHERMER, JEUGDTEAM }

  /** What a step's form sends, given the case's jeugdbeschermer. */
  record Step(String taskKey, Who who, Function<String, Map<String, Object>> form) {
  }

  static final List<Step> STEPS = List.of(
      new Step("Task_AssessSafety", Who.INTAKE, jb -> Meldingen.assessment("raadsonderzoek")),
      new Step("Task_CosignAssessment", Who.GEDRAGSWETENSCHAPPER, jb -> Meldingen.cosign(true)),
      new Step("Task_GiveReporterFeedback", Who.INTAKE, jb -> Meldingen.reporterFeedback()),
      new Step("Task_RequestRaadInvestigation", Who.JURIST, jb -> Answers.raadRequested()),
      new Step("Task_RegisterRaadStarted", Who.JURIST, jb -> Answers.raadStarted()),
      new Step("Task_RegisterRaadReport", Who.JURIST, jb -> Answers.raadAdvisesMeasure()),
      new Step("Task_RegisterDecision", Who.JURIST, jb -> ots()),
      new Step("Task_AssignJeugdbeschermer", Who.TEAMLEIDER, Answers::assign),
      new Step("Task_HomeVisit", Who.JEUGDBESCHERMER, jb -> Answers.homeVisit()),
      new Step("Task_EstimateSafety", Who.JEUGDBESCHERMER, jb -> Answers.safetyEstimate(6)),
      new Step("Task_DraftSafetyPlan", Who.JEUGDBESCHERMER, jb -> Answers.safetyPlan()),
      new Step("Task_MapNetwork", Who.JEUGDBESCHERMER, jb -> Answers.network()),
      new Step("Task_AnalysePattern", Who.JEUGDBESCHERMER, jb -> Answers.pattern()),
      new Step("Task_DraftChangePlan", Who.JEUGDBESCHERMER, jb -> Answers.changePlan()),
      new Step("Task_CaseConsultation", Who.GEDRAGSWETENSCHAPPER, jb -> Answers.caseConsultation()),
      new Step("Task_DiscussFamilyPlan", Who.JEUGDBESCHERMER, jb -> Answers.familyBacksPlan(true)),
      new Step("Task_ArrangeHelp", Who.JEUGDBESCHERMER, jb -> Answers.help()),
      // the network meeting timer falls due first (blijvendveilig.deadlines.network-meeting)
      new Step("Task_HoldNetworkMeeting", Who.JEUGDBESCHERMER, jb -> Answers.networkMeeting()),
      new Step("Task_EvaluateProgress", Who.JEUGDBESCHERMER, jb -> Answers.progress("doelen-bereikt")),
      new Step("Task_DraftSafeguardingPlan", Who.JEUGDBESCHERMER, jb -> Answers.safeguardingPlan()),
      new Step("Task_CheckFamilyOwnsSafety", Who.JEUGDBESCHERMER, jb -> Answers.familyOwnsSafety(true)),
      new Step("Task_RequestTermination", Who.JURIST, jb -> Answers.requestTermination()),
      new Step("Task_RegisterTerminationDecision", Who.JURIST, jb -> Answers.terminationDecided(true)),
      new Step("Task_HandOver", Who.JEUGDBESCHERMER, jb -> Answers.handOver()),
      new Step("Task_ReceiveHandover", Who.JEUGDTEAM, jb -> Answers.handoverReceived()),
      // the follow-up timer falls due (blijvendveilig.deadlines.follow-up)
      new Step("Task_FollowUp", Who.JEUGDTEAM, jb -> Answers.followUp(true)));

  /** Timers that fire on this path, each run by the job executor. */
  static final int TIMERS_PER_LIFECYCLE = 2;

  private CaseScript() {
  }

  /** The steps completed before a case is left in this stage. */
  static List<Step> upTo(Stage stage) {
    if (stage.openTask == null) {
      return STEPS;
    }
    for (int i = 0; i < STEPS.size(); i++) {
      if (STEPS.get(i).taskKey().equals(stage.openTask)) {
        return STEPS.subList(0, i);
      }
    }
    throw new IllegalArgumentException("no step " + stage.openTask);
  }

  /** An OTS of one year from today, so the measure's own timers stay in the future whenever the run is. */
  static Map<String, Object> ots() {
    LocalDate start = LocalDate.now(CaseDriver.NL);
    return Answers.ots(start.toString(), start.plusYears(1).minusDays(1).toString());
  }
}
