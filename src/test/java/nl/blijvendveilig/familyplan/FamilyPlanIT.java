package nl.blijvendveilig.familyplan;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.formdata.RejectedInput;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gezinsplan on PostgreSQL as a case goes through fase 1 to 3: one revision per contact and change
 * with its author and reason, the scores in order, the stagnation rule, the handover document, and
 * the database keeping revisions and scores append-only.
 */
@PostgresIntegrationTest
class FamilyPlanIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  static final LocalDateTime MELDING = LocalDateTime.of(2026, 4, 22, 10, 0);

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired PlanRevisions revisions;
  @Autowired SafetyScores scores;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(at(MELDING));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyContactAndChangeIsARevisionWithAuthorAndReasonAndTheHandoverHoldsTheLatestPlan() {
    CaseDriver zaak = toPhaseOne();
    assertThat(revisions.all(zaak.caseNumber)).extracting(Revision::reason)
        .containsExactly("Melding ontvangen", "Veiligheidsplan bijgewerkt");

    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());
    zaak.complete("Task_MapNetwork", Answers.network());
    zaak.complete("Task_AnalysePattern", Answers.pattern());
    zaak.complete("Task_DraftChangePlan", Answers.changePlan());
    zaak.complete("Task_CaseConsultation", Answers.caseConsultation());
    zaak.complete("Task_DiscussFamilyPlan", Answers.familyBacksPlan(true));

    Revision afterPhaseOne = revisions.latest(zaak.caseNumber).orElseThrow();
    assertThat(afterPhaseOne.content().at("/veranderplan/haalbareEindsituatie").asText()).contains("zonder geweld");
    assertThat(afterPhaseOne.content().at("/veiligheidsplan/bodemeisen").asText()).isEqualTo("Er wordt niet geslagen.");
    assertThat(afterPhaseOne.content().at("/netwerk/0/naam").asText()).isEqualTo("Oma Riet");
    assertThat(jdbc.sql("select count(*) from bv_goal where case_number = ?").param(zaak.caseNumber)
        .query(Long.class).single()).isEqualTo(2L);

    zaak.complete("Task_ArrangeHelp", Answers.help());
    int before = revisions.all(zaak.caseNumber).size();
    for (int week = 2; week <= 4; week++) {
      zaak.timePasses(MELDING.plusWeeks(2L * week).plusHours(week));
      zaak.complete("Task_RecordContact", Answers.contact(week + 4L));
    }
    List<Revision> all = revisions.all(zaak.caseNumber);
    assertThat(all).hasSize(before + 3);
    Revision contact = all.get(all.size() - 1);
    assertThat(contact.reason()).isEqualTo("Contactmoment: huisbezoek");
    assertThat(contact.author()).isEqualTo("jan");
    assertThat(contact.causedBy()).isEqualTo("Contactmoment vastleggen");
    assertThat(scores.series(zaak.caseNumber)).extracting(SafetyScore::score).containsExactly(5, 6, 6, 7, 8);
    assertThat(scores.series(zaak.caseNumber)).extracting(SafetyScore::revision).isSorted();

    zaak.timePasses(MELDING.plusWeeks(9));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("doelen-bereikt"));
    assertThat(zaak.variableOf("fase-2-ondersteunen-en-regie-voeren", "stagnatie")).isNull(); // phase ended
    zaak.complete("Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    zaak.complete("Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(true));
    zaak.complete("Task_RequestTermination", Answers.requestTermination());
    zaak.complete("Task_RegisterTerminationDecision", Answers.terminationDecided(true));

    String html = jdbc.sql("select html from bv_handover where case_number = ?").param(zaak.caseNumber)
        .query(String.class).single();
    assertThat(html).contains("Ouders lossen ruzie op zonder geweld", "Oma belt het jeugdteam.", "Schulden geregeld",
        "Laatste veiligheidsscore: <b>8</b>", "revisie " + revisions.latest(zaak.caseNumber).orElseThrow().number());
  }

  @Test
  void theStagnationRuleFiresOnFallingScoresAndNotOnSteadyOnes() {
    CaseDriver falling = toPhaseTwo();
    for (int i = 0; i < 3; i++) {
      falling.timePasses(MELDING.plusWeeks(2L * (i + 1)).plusHours(i + 1));
      falling.complete("Task_RecordContact", Answers.contact(7L - 2 * i));
    }
    falling.timePasses(MELDING.plusWeeks(7));
    falling.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    falling.complete("Task_EvaluateProgress", Answers.progress("loopt", 40, 30));
    assertThat(falling.variableOf("fase-2-ondersteunen-en-regie-voeren", "stagnatie")).isEqualTo(true);
    assertThat(falling.task("Task_Escalate")).as("escalated although the worker said it goes well").isNotNull();

    ClockUtil.setCurrentTime(at(MELDING));
    CaseDriver steady = toPhaseTwo();
    for (int i = 0; i < 3; i++) {
      steady.timePasses(MELDING.plusWeeks(2L * (i + 1)).plusHours(i + 1));
      steady.complete("Task_RecordContact", Answers.contact(6));
    }
    steady.timePasses(MELDING.plusWeeks(7));
    steady.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    steady.complete("Task_EvaluateProgress", Answers.progress("loopt", 40, 30));
    assertThat(steady.variableOf("fase-2-ondersteunen-en-regie-voeren", "stagnatie")).isEqualTo(false);
    assertThat(steady.openTasks("Task_Escalate")).isEmpty();
  }

  @Test
  void aRefusedContactLeavesTheTaskOpenAndThePlanUnchanged() {
    CaseDriver zaak = toPhaseOne();
    zaak.timePasses(MELDING.plusWeeks(1).plusHours(1));
    int plan = revisions.all(zaak.caseNumber).size();
    int series = scores.series(zaak.caseNumber).size();

    for (Object score : new Object[] {0L, 11L, "abc"}) {
      var bad = Answers.contact(5);
      bad.put("veiligheidsscore", score);
      assertThatThrownBy(() -> zaak.complete("Task_RecordContact", bad))
          .as("score %s", score)
          .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors()).containsKey("veiligheidsscore"));
    }
    assertThat(zaak.openTasks("Task_RecordContact")).hasSize(1);
    assertThat(revisions.all(zaak.caseNumber)).hasSize(plan);
    assertThat(scores.series(zaak.caseNumber)).hasSize(series);
  }

  @Test
  void revisionsAndScoresCannotBeChangedOrDeletedInTheDatabase() {
    CaseDriver zaak = toPhaseOne();
    assertThatThrownBy(() -> jdbc.sql("update bv_plan_revision set reason = 'anders' where case_number = ?")
        .param(zaak.caseNumber).update()).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from bv_plan_revision where case_number = ?")
        .param(zaak.caseNumber).update()).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from bv_safety_score where case_number = ?")
        .param(zaak.caseNumber).update()).hasMessageContaining("append-only");
    assertThat(revisions.get(zaak.caseNumber, 1).orElseThrow().reason()).isEqualTo("Melding ontvangen");
  }

  private CaseDriver toPhaseOne() {
    return CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
  }

  private CaseDriver toPhaseTwo() {
    CaseDriver zaak = toPhaseOne();
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());
    zaak.complete("Task_MapNetwork", Answers.network());
    zaak.complete("Task_AnalysePattern", Answers.pattern());
    zaak.complete("Task_DraftChangePlan", Answers.changePlan());
    zaak.complete("Task_CaseConsultation", Answers.caseConsultation());
    zaak.complete("Task_DiscussFamilyPlan", Answers.familyBacksPlan(true));
    zaak.complete("Task_ArrangeHelp", Answers.help());
    return zaak;
  }
}
