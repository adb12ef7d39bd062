package nl.blijvendveilig.phases;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import nl.blijvendveilig.formdata.RejectedInput;
import nl.blijvendveilig.measure.Measures;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.ProcessTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole case, one test per path, from melding to closure: the court measure, the three phases,
 * the measure watch, borging, and what can happen at any moment. Every timer runs by moving the clock.
 */
@ProcessTest
class CaseLifecycleProcessTest {

  static final LocalDateTime MELDING = LocalDateTime.of(2026, 4, 22, 10, 0);

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired Measures measures;

  @BeforeEach
  void setUp() {
    init(engine);
    ClockUtil.setCurrentTime(at(MELDING));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void otsThroughTheThreePhasesEndsInOpheffingAndAFollowUp() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");

    Task homeVisit = zaak.task("Task_HomeVisit");
    assertThat(homeVisit).isAssignedTo("jan");
    assertThat(homeVisit.getDueDate()).isEqualTo(at(MELDING.plusDays(7)));
    walkPhaseOne(zaak);

    zaak.complete("Task_ArrangeHelp", Answers.help());
    zaak.timePasses(MELDING.plusWeeks(6).plusHours(1));
    assertThat(zaak.task("Task_RecordContact")).isAssignedTo("jan");
    zaak.complete("Task_RecordContact", Answers.contact(7));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("doelen-bereikt"));

    zaak.complete("Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    zaak.complete("Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(true));
    assertThat(zaak.task("Task_RequestTermination")).hasCandidateGroup("jurist");
    zaak.complete("Task_RequestTermination", Answers.requestTermination());
    zaak.complete("Task_RegisterTerminationDecision", Answers.terminationDecided(true));

    assertThat(zaak.openTasks("Task_EvaluateMeasure")).isEmpty();
    assertPassed(zaak, "EndEvent_MeasureTerminated");
    zaak.complete("Task_HandOver", Answers.handOver());
    assertThat(zaak.task("Task_ReceiveHandover")).hasCandidateGroup("jeugdteam");
    zaak.complete("Task_ReceiveHandover", Answers.handoverReceived());
    assertThat(closingReason(zaak)).isEqualTo("maatregel opgeheven");
    assertThat(measures.of(zaak.caseNumber)).singleElement().satisfies(ots -> {
      assertThat(ots.type()).isEqualTo("ots");
      assertThat(ots.start()).isEqualTo(LocalDate.of(2026, 5, 1));
      assertThat(ots.endReason()).isEqualTo("tussentijdse opheffing");
      assertThat(ots.endedOn()).isBefore(ots.end());
    });

    zaak.timePasses(MELDING.plusMonths(5)); // three months after closure
    zaak.complete("Task_FollowUp", Answers.followUp(true));
    assertThat(zaak.root).isEnded().hasPassed("CallActivity_ExecuteMeasure", "CallActivity_Closure", "EndEvent_CaseClosed");
  }

  @Test
  void aStageGetsTheCaseContextNotACopyOfTheMeldingAndHistoryKeepsNoVariableDetails() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");

    String phaseOne = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(zaak.caseNumber)
        .processDefinitionKey("fase-1-verbinden-en-motiveren").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariables(phaseOne))
        .containsEntry("zaaknummer", zaak.caseNumber).containsEntry("gezinsnaam", "De Vries")
        .containsEntry("regieGroep", "jeugdbeschermer").containsEntry("regisseur", "jan").containsEntry("fase", 1L)
        .as("the melding's personal data stays in the case process and the case file")
        .doesNotContainKeys("kinderen", "melderNaam", "melderContact", "zorgen", "woonplaats");
    assertThat(zaak.variableOf("maatregel-bewaken", "maatregelType")).isEqualTo("ots");
    assertThat(zaak.variable("route")).as("the assessment's route, back in the case").isEqualTo("raadsonderzoek");

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(zaak.root.getId()).variableName("route")
        .singleResult().getValue()).isEqualTo("raadsonderzoek");
    assertThat(history.createHistoricDetailQuery().variableUpdates().count())
        .as("no row per variable change (blijvendveilig.history.variable-details=false)").isZero();
  }

  @Test
  void everyChildInTheCaseFileGetsAVertrouwenspersoon() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));

    Map<String, Object> onlySanne = new java.util.HashMap<>(Answers.safetyPlan());
    onlySanne.put("vertrouwenspersonen", "[{\"kind\": \"Sanne\", \"naam\": \"Juf Ans\", \"relatie\": \"leerkracht\"}]");
    assertThatThrownBy(() -> zaak.complete("Task_DraftSafetyPlan", onlySanne))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors())
            .containsEntry("vertrouwenspersonen", "Geef ook Daan een vertrouwenspersoon"));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());
    assertThat(zaak.openTasks("Task_DraftSafetyPlan")).isEmpty();
  }

  @Test
  void otsExtendedOnceByTheCourtThenExpires() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    assertThat(zaak.openTasks("Task_EvaluateMeasure")).isEmpty();

    zaak.timePasses(LocalDateTime.of(2027, 2, 7, 9, 0)); // 12 weeks before the end date
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(true));
    zaak.complete("Task_ApproveExtension", Answers.approveExtension());
    zaak.complete("Task_CosignExtension", Answers.cosignExtension());
    zaak.complete("Task_RequestExtension", Answers.requestExtension());

    assertThatThrownBy(() -> zaak.complete("Task_RegisterExtensionDecision", Answers.extended("2028-06-01")))
        .as("an extension of more than one year is refused")
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors()).containsKey("nieuweEinddatum"));
    zaak.complete("Task_RegisterExtensionDecision", Answers.extended("2028-05-01"));
    assertThat(zaak.stageVariable("aantalVerlengingen")).isEqualTo(1);
    assertThat(measures.current(zaak.caseNumber)).hasValueSatisfying(ots -> {
      assertThat(ots.extensions()).isEqualTo(1);
      assertThat(ots.firstEnd()).isEqualTo(LocalDate.of(2027, 5, 1));
      assertThat(ots.end()).isEqualTo(LocalDate.of(2028, 5, 1));
    });

    zaak.timePasses(LocalDateTime.of(2028, 2, 8, 9, 0)); // 12 weeks before the new end date
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(false));
    zaak.timePasses(LocalDateTime.of(2028, 5, 1, 0, 1));

    assertPassed(zaak, "EndEvent_MeasureExpired");
    assertThat(zaak.openTasks("Task_HomeVisit")).as("the phases stop with the measure").isEmpty();
    zaak.complete("Task_HandOver", Answers.handOver());
    zaak.complete("Task_ReceiveHandover", Answers.handoverReceived());
    assertThat(closingReason(zaak)).isEqualTo("maatregel afgelopen");
    assertThat(measures.of(zaak.caseNumber)).singleElement().satisfies(ots -> {
      assertThat(ots.endedOn()).isEqualTo(LocalDate.of(2028, 5, 1));
      assertThat(ots.endReason()).isEqualTo("beëindiging volgens plan");
    });
  }

  @Test
  void measureExpiresWithoutExtension() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(LocalDateTime.of(2027, 2, 7, 9, 0));
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(false));
    assertThat(zaak.openTasks("Task_ApproveExtension")).isEmpty();

    zaak.timePasses(LocalDateTime.of(2027, 5, 1, 0, 1));
    assertPassed(zaak, "EndEvent_MeasureExpired");
    assertThat(zaak.task("Task_HandOver")).isAssignedTo("jan");
  }

  @Test
  void decisionWithAnOtsLongerThanAYearIsRefused() {
    CaseDriver zaak = toCourt();
    assertThatThrownBy(() -> zaak.complete("Task_RegisterDecision", Answers.ots("2026-05-01", "2027-06-01")))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors()).containsKey("maatregelEinde"));
    assertThatThrownBy(() -> zaak.complete("Task_RegisterDecision", Answers.ots("2026-05-01", "2026-04-01")))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors().get("maatregelEinde")).contains("na de ingangsdatum"));
    assertThat(zaak.task("Task_RegisterDecision")).isNotNull();
  }

  @Test
  void courtDecisionArrivesAsAMessageFromAnotherSystem() {
    CaseDriver zaak = toCourt();
    zaak.correlate("Beschikking", "maatregelUitgesproken", "ja", "maatregelType", "voorlopige-ots",
        "maatregelStart", "2026-05-01", "maatregelEinde", "2026-08-01", "beschikkingKenmerk", "C/09/555");
    assertThat(zaak.task("Task_AssignJeugdbeschermer")).hasCandidateGroup("teamleider");
  }

  @Test
  void noMeasureMeansVoluntaryHelpOrClosing() {
    CaseDriver zaak = toCourt();
    zaak.complete("Task_RegisterDecision", "maatregelUitgesproken", "nee", "vervolgZonderMaatregel", "afsluiten",
        "beschikkingKenmerk", "C/09/777");
    assertThat(zaak.root).isEnded().hasPassed("EndEvent_ClosedWithoutMeasure");
    assertThat(closingReason(zaak)).as("the case file is closed too").isEqualTo("geen maatregel, afgesloten");
    assertThat(measures.of(zaak.caseNumber)).isEmpty();
  }

  @Test
  void crisisPlacementWithSecureCareDuringPhaseTwo() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    walkPhaseOne(zaak);
    assertThat(zaak.task("Task_ArrangeHelp")).isAssignedTo("jan");

    zaak.correlate("Crisisplaatsing");
    Task find = zaak.task("Task_FindCrisisPlace");
    assertThat(find).isAssignedTo("jan");
    assertThat(find.getDueDate()).isEqualTo(at(MELDING.toLocalDate().atTime(23, 59)));
    zaak.complete("Task_FindCrisisPlace", "plaatsingType", "gesloten-jeugdhulp", "plaatsingLocatie", "De Hunnerberg",
        "geplaatstOp", "2026-04-22");
    assertThat(zaak.openTasks("Task_RequestSecureCare")).as("no request before consent").isEmpty();
    zaak.complete("Task_ConsentSecureCare", "instemmingGegeven", "ja", "instemmingDoor", "Drs. G. Gedrag");
    zaak.complete("Task_RequestSecureCare", "verzoekGeslotenIngediendOp", "2026-04-22");
    zaak.complete("Task_RegisterSecureCareDecision", "machtigingGeslotenVerleend", "ja", "beschikkingKenmerk", "C/09/888");

    assertPassed(zaak, "EndEvent_SecureCareDecided");
    assertThat(zaak.task("Task_ArrangeHelp")).as("phase 2 goes on").isNotNull();
  }

  @Test
  void aLowSafetyScoreIsAcuteUnsafetyWithoutStoppingThePhase() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(MELDING.plusDays(7).plusHours(1));
    zaak.complete("Task_RecordContact", Answers.contact(2));

    assertThat(zaak.task("Task_ReviewSafetyPlanNow")).isAssignedTo("jan");
    assertThat(zaak.task("Task_InformTeamleiderAcute")).hasCandidateGroup("teamleider");
    assertThat(zaak.task("Task_HomeVisit")).as("the phase goes on").isNotNull();
    zaak.complete("Task_ReviewSafetyPlanNow", Answers.safetyPlan());
    zaak.complete("Task_InformTeamleiderAcute", "teamleiderActie", "Vandaag extra huisbezoek met de jeugdbeschermer.");
    assertPassed(zaak, "EndEvent_AcuteUnsafetyHandled");

    zaak.timePasses(MELDING.plusDays(14).plusHours(2));
    zaak.complete("Task_RecordContact", Answers.contact(8));
    assertThat(zaak.openTasks("Task_ReviewSafetyPlanNow")).as("a good score is not acute").isEmpty();
  }

  @Test
  void crisisPlacementInTheNetworkOrWithoutConsentNeedsNoCourt() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.correlate("Crisisplaatsing");
    zaak.complete("Task_FindCrisisPlace", "plaatsingType", "netwerk", "plaatsingLocatie", "Bij oma", "geplaatstOp", "2026-04-22");
    zaak.correlate("Crisisplaatsing");
    zaak.complete("Task_FindCrisisPlace", "plaatsingType", "gesloten-jeugdhulp", "plaatsingLocatie", "De Hunnerberg",
        "geplaatstOp", "2026-04-22");
    zaak.complete("Task_ConsentSecureCare", "instemmingGegeven", "nee", "instemmingDoor", "Drs. G. Gedrag");
    assertThat(zaak.openTasks("Task_RequestSecureCare")).isEmpty();
    zaak.correlate("Crisisplaatsing");
    zaak.complete("Task_FindCrisisPlace", "plaatsingType", "gesloten-jeugdhulp", "plaatsingLocatie", "De Hunnerberg",
        "geplaatstOp", "2026-04-23");
    zaak.complete("Task_ConsentSecureCare", "instemmingGegeven", "ja", "instemmingDoor", "Drs. G. Gedrag");
    zaak.complete("Task_RequestSecureCare", "verzoekGeslotenIngediendOp", "2026-04-23");
    zaak.correlate("BeschikkingGeslotenJeugdhulp", "machtigingGeslotenVerleend", "ja", "beschikkingKenmerk", "C/09/889");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(zaak.root.getId())
        .activityId("EndEvent_ChildPlaced").count()).as("placed in the network").isEqualTo(1);
    assertPassed(zaak, "EndEvent_NoConsent");
    assertPassed(zaak, "EndEvent_SecureCareDecided");
  }

  @Test
  void phaseTwoContinuesWhileItGoesWellAndContactsGoWeeklyWhenSafetyDrops() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    walkPhaseOne(zaak);
    zaak.complete("Task_ArrangeHelp", Answers.help());
    assertThat(zaak.variableOf("fase-2-ondersteunen-en-regie-voeren", "contactInterval")).as("fase 2 at score 6: every two weeks").isEqualTo("P14D");
    zaak.timePasses(MELDING.plusDays(14).plusHours(1));
    zaak.complete("Task_RecordContact", Answers.contact(3));
    assertThat(zaak.openTasks("Task_ReviewSafetyPlanNow")).hasSize(1);
    assertThat(zaak.variableOf("fase-2-ondersteunen-en-regie-voeren", "contactInterval")).as("safety dropped: weekly again").isEqualTo("P7D");
    zaak.timePasses(MELDING.plusWeeks(6).plusHours(2));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("loopt"));
    assertThat(zaak.openTasks("Task_HoldNetworkMeeting")).as("next cycle waits six weeks").isEmpty();
    zaak.timePasses(MELDING.plusWeeks(12).plusHours(3));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("doelen-bereikt"));
    assertThat(zaak.task("Task_DraftSafeguardingPlan")).isAssignedTo("jan");
    zaak.timePasses(MELDING.plusWeeks(13).plusHours(4));
    zaak.complete("Task_RecordContact", Answers.contact(8));
    zaak.timePasses(MELDING.plusWeeks(14).plusHours(5));
    zaak.complete("Task_RecordContact", Answers.contact(1));
    assertThat(zaak.openTasks("Task_ReviewSafetyPlanNow")).hasSize(2);
  }

  @Test
  void opheffingRefusedByTheCourtLetsTheMeasureRunToItsEnd() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    walkPhaseOne(zaak);
    zaak.complete("Task_ArrangeHelp", Answers.help());
    zaak.timePasses(MELDING.plusWeeks(6).plusHours(1));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("doelen-bereikt"));
    zaak.complete("Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    zaak.complete("Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(true));
    zaak.complete("Task_RequestTermination", Answers.requestTermination());
    zaak.correlate("BeschikkingOpheffing", "opheffingToegewezen", "nee", "beschikkingKenmerk", "C/09/321");

    assertPassed(zaak, "EndEvent_TerminationRefused");
    assertThat(zaak.openTasks("Task_HandOver")).as("the measure still runs").isEmpty();
    zaak.timePasses(LocalDateTime.of(2027, 2, 7, 9, 0));
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(true));
    zaak.complete("Task_ApproveExtension", "verlengingAkkoordTeamleider", "nee", "verlengingToelichtingTeamleider", "Borging is klaar.");
    zaak.complete("Task_CosignExtension", Answers.cosignExtension());
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(true));
    zaak.complete("Task_ApproveExtension", Answers.approveExtension());
    zaak.complete("Task_CosignExtension", Answers.cosignExtension());
    zaak.complete("Task_RequestExtension", Answers.requestExtension());
    zaak.correlate("BeschikkingVerlenging", "verlengd", "nee", "beschikkingKenmerk", "C/09/322");
    zaak.timePasses(LocalDateTime.of(2027, 5, 1, 0, 1));
    zaak.complete("Task_HandOver", Answers.handOver());
    zaak.complete("Task_ReceiveHandover", Answers.handoverReceived());
    zaak.timePasses(LocalDateTime.of(2027, 8, 2, 0, 0));
    zaak.complete("Task_FollowUp", Answers.followUp(false));
    assertThat(zaak.root).isEnded();
    assertPassed(zaak, "EndEvent_NewMeldingNeeded");
  }

  @Test
  void aNewMeldingAboutTheFamilyJoinsItsOpenCase() {
    String family = Meldingen.newFamily();
    CaseDriver first = CaseDriver.start(engine, Meldingen.melding(family, "[]"));
    long cases = jdbc.sql("select count(*) from bv_case").query(Long.class).single();

    CaseDriver second = CaseDriver.start(engine, Meldingen.melding(family, "[\"seksueel-misbruik\"]"));

    assertThat(second.caseNumber).isEqualTo(first.caseNumber);
    assertThat(second.root).isEnded().hasPassed("EndEvent_JoinedOpenCase");
    assertThat(jdbc.sql("select count(*) from bv_case").query(Long.class).single()).isEqualTo(cases);
    assertThat(first.task("Task_AssessNewMelding")).hasCandidateGroup("intake");
    assertThat(first.openTasks("Task_ReviewSafetyPlanNow")).as("an acute new melding is acute unsafety").hasSize(1);
    first.complete("Task_AssessNewMelding", "veiligheidscheckGedaan", "ja", "nieuweMeldingActie", "Meegenomen in de beoordeling.");
    assertPassed(first, "EndEvent_NewMeldingAssessed");
  }

  @Test
  void voluntaryRouteLedByTheJeugdteamToClosure() {
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.assess("vrijwillig");
    assertThat(zaak.task("Task_HomeVisit")).hasCandidateGroup("jeugdteam");
    assertThat(zaak.task("Task_HomeVisit").getAssignee()).isNull();
    walkAllPhases(zaak);
    assertThat(zaak.openTasks("Task_RequestTermination")).as("no measure to end").isEmpty();
    zaak.complete("Task_HandOver", Answers.handOver());
    zaak.complete("Task_ReceiveHandover", Answers.handoverReceived());
    assertThat(closingReason(zaak)).isEqualTo("vrijwillig traject afgerond");
    assertThat(zaak.root).hasNotPassed("CallActivity_ExecuteMeasure");
  }

  @Test
  void aMeldingWithinTwelveMonthsAfterClosureIsARentry() {
    String family = Meldingen.newFamily();
    CaseDriver first = CaseDriver.start(engine, Meldingen.melding(family, "[]"));
    first.assess("vrijwillig");
    walkAllPhases(first);
    first.complete("Task_HandOver", Answers.handOver());
    first.complete("Task_ReceiveHandover", Answers.handoverReceived());

    first.timePasses(MELDING.plusMonths(8));
    CaseDriver again = CaseDriver.start(engine, Meldingen.melding(family, "[]"));

    assertThat(again.caseNumber).isNotEqualTo(first.caseNumber);
    assertThat(again.variable("herhaaldeMelding")).isEqualTo(true);
    assertThat(jdbc.sql("select reentry_of from bv_case where case_number = ?").param(again.caseNumber)
        .query(String.class).single()).isEqualTo(first.caseNumber);
  }

  @Test
  void aChangeOfJeugdbeschermerMovesTheOpenTasksAndTheNextOnes() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    assertThat(zaak.openTasks().stream().filter(t -> "jan".equals(t.getAssignee())).count()).isEqualTo(3);

    assertThatThrownBy(() -> zaak.correlate("JeugdbeschermerWijzigen", "nieuweJeugdbeschermer", "tessa"))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.getMessage()).contains("geen jeugdbeschermer"));
    zaak.correlate("JeugdbeschermerWijzigen", "nieuweJeugdbeschermer", "joke");

    assertThat(zaak.openTasks().stream().filter(t -> "jan".equals(t.getAssignee())).count()).isZero();
    assertThat(zaak.task("Task_HomeVisit")).isAssignedTo("joke");
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    assertThat(zaak.task("Task_DraftSafetyPlan")).as("the next task goes to the new one").isAssignedTo("joke");
    assertThat(jdbc.sql("select jeugdbeschermer from bv_case where case_number = ?").param(zaak.caseNumber)
        .query(String.class).single()).isEqualTo("joke");
  }

  @Test
  void assignmentToSomeoneWhoIsNoJeugdbeschermerIsRefused() {
    CaseDriver zaak = toCourt();
    zaak.complete("Task_RegisterDecision", Answers.ots("2026-05-01", "2027-05-01"));
    assertThatThrownBy(() -> zaak.complete("Task_AssignJeugdbeschermer", Answers.assign("ingrid")))
        .isInstanceOf(RejectedInput.class);
  }

  @Test
  void missedPhaseOneDeadlinesEscalateToTheTeamleider() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(MELDING.plusDays(5).plusHours(1));
    assertThat(escalation(zaak, "5 dagen")).isNotNull();
    assertThat(zaak.openTasks("Task_EscalateHomeVisit")).isEmpty();
    zaak.timePasses(MELDING.plusDays(7).plusHours(1));
    assertThat(zaak.task("Task_EscalateHomeVisit")).hasCandidateGroup("teamleider");
    zaak.complete("Task_EscalateHomeVisit", Answers.escalationHandled());
    zaak.complete("Task_EscalateSafetyEstimate", Answers.escalationHandled());

    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());
    zaak.complete("Task_MapNetwork", Answers.network());
    // the analysis started a week after the melding
    zaak.timePasses(MELDING.plusDays(7).plusMonths(3).plusDays(1));
    assertThat(zaak.task("Task_PatternReminder")).isAssignedTo("jan");
    zaak.complete("Task_PatternReminder", Answers.escalationHandled());
    zaak.timePasses(MELDING.plusDays(7).plusMonths(6).plusDays(1));
    assertThat(zaak.task("Task_EscalatePattern")).hasCandidateGroup("teamleider");
    zaak.complete("Task_EscalatePattern", Answers.escalationHandled());
    assertThat(zaak.task("Task_AnalysePattern")).as("the analysis itself stays with the jeugdbeschermer").isAssignedTo("jan");
  }

  @Test
  void raadThatDoesNotStartWithinTenDaysEscalates() {
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.assess("raadsonderzoek");
    zaak.complete("Task_RequestRaadInvestigation", Answers.raadRequested());
    zaak.timePasses(MELDING.plusDays(10).plusHours(1));
    assertThat(zaak.task("Task_EscalateRaadStart")).hasCandidateGroup("teamleider");
    zaak.complete("Task_EscalateRaadStart", Answers.escalationHandled());
    zaak.correlate("RaadOnderzoekGestart", "raadOnderzoekGestartOp", "2026-05-04");
    assertThat(zaak.task("Task_RegisterRaadReport")).hasCandidateGroup("jurist");
  }

  @Test
  void raadReportSentByTheRaadAdvisingNoMeasureLeadsToVoluntaryHelp() {
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.assess("raadsonderzoek");
    zaak.complete("Task_RequestRaadInvestigation", Answers.raadRequested());
    zaak.complete("Task_RegisterRaadStarted", Answers.raadStarted());
    assertThatThrownBy(() -> zaak.correlate("RaadRapport", "raadAdvies", "geen-maatregel",
        "raadRapportSamenvatting", "Geen maatregel nodig: ouders werken mee."))
        .as("the message is held to the form: how to go on without a measure is missing")
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors()).containsKey("vervolgZonderMaatregel"));
    zaak.correlate("RaadRapport", "raadAdvies", "geen-maatregel", "raadRapportSamenvatting",
        "Geen maatregel nodig: ouders werken mee.", "vervolgZonderMaatregel", "vrijwillig");
    assertThat(zaak.root).hasPassed("Gateway_NextWithoutMeasure", "Task_StartVoluntaryRoute");
    assertThat(zaak.task("Task_HomeVisit")).hasCandidateGroup("jeugdteam");
  }

  @Test
  void extensionRequestNotFiledInTimeEscalates() {
    CaseDriver zaak = otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(LocalDateTime.of(2027, 2, 7, 9, 0));
    zaak.complete("Task_EvaluateMeasure", Answers.evaluateMeasure(true));
    zaak.complete("Task_ApproveExtension", Answers.approveExtension());
    zaak.complete("Task_CosignExtension", Answers.cosignExtension());
    zaak.timePasses(LocalDateTime.of(2027, 3, 7, 9, 0)); // 8 weeks before the end date
    Task late = escalation(zaak, "8 weken");
    assertThat(late).isNotNull();
    engine.getTaskService().complete(late.getId(), Answers.escalationHandled());
    assertPassed(zaak, "EndEvent_ExtensionRequestEscalated");
  }

  // ------------------------------------------------------------------------------------------

  private CaseDriver toCourt() {
    return CaseDriver.start(engine, Meldingen.notAcute()).toCourt();
  }

  private CaseDriver otsAssignedTo(String jeugdbeschermer, String start, String end) {
    return CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo(jeugdbeschermer, start, end);
  }

  private void walkPhaseOne(CaseDriver zaak) {
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());
    zaak.complete("Task_MapNetwork", Answers.network());
    zaak.complete("Task_AnalysePattern", Answers.pattern());
    zaak.complete("Task_DraftChangePlan", Answers.changePlan());
    assertThat(zaak.task("Task_CaseConsultation")).hasCandidateGroup("gedragswetenschapper");
    zaak.complete("Task_CaseConsultation", Answers.caseConsultation());
    zaak.complete("Task_DiscussFamilyPlan", Answers.familyBacksPlan(false));
    zaak.complete("Task_DraftChangePlan", Answers.changePlan());
    zaak.complete("Task_CaseConsultation", Answers.caseConsultation());
    zaak.complete("Task_DiscussFamilyPlan", Answers.familyBacksPlan(true));
  }

  private void walkAllPhases(CaseDriver zaak) {
    walkPhaseOne(zaak);
    zaak.complete("Task_ArrangeHelp", Answers.help());
    zaak.timePasses(MELDING.plusWeeks(6).plusHours(1));
    zaak.complete("Task_RecordContact", Answers.contact(4));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("stagnatie"));
    zaak.complete("Task_Escalate", "opschalingBesluit", "Extra schuldhulp via de teamleider geregeld.");
    zaak.timePasses(MELDING.plusWeeks(12).plusHours(2));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("terugval-motivatie"));
    walkPhaseOne(zaak);
    zaak.complete("Task_ArrangeHelp", Answers.help());
    zaak.timePasses(MELDING.plusWeeks(18).plusHours(3));
    zaak.complete("Task_HoldNetworkMeeting", Answers.networkMeeting());
    zaak.complete("Task_EvaluateProgress", Answers.progress("doelen-bereikt"));
    zaak.complete("Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    zaak.complete("Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(false));
    zaak.complete("Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    zaak.complete("Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(true));
  }

  private Task escalation(CaseDriver zaak, String about) {
    return zaak.openTasks().stream()
        .filter(t -> t.getTaskDefinitionKey().startsWith("Task_Escalate"))
        .filter(t -> String.valueOf(engine.getTaskService().getVariable(t.getId(), "termijnOmschrijving")).contains(about))
        .findFirst().orElse(null);
  }

  private void assertPassed(CaseDriver zaak, String activityId) {
    assertThat(history.createHistoricActivityInstanceQuery().activityId(activityId).finished().list().stream()
        .anyMatch(a -> engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(a.getProcessInstanceId()).processInstanceBusinessKey(zaak.caseNumber).count() > 0))
        .as("case %s passed %s", zaak.caseNumber, activityId).isTrue();
  }

  private String closingReason(CaseDriver zaak) {
    return jdbc.sql("select closing_reason from bv_case where case_number = ?").param(zaak.caseNumber)
        .query(String.class).single();
  }

}
