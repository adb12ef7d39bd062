package nl.blijvendveilig.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.blijvendveilig.formdata.RejectedInput;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.ProcessTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Melding to assessment, one test per path, timers run by moving the engine clock. */
@ProcessTest
class MeldingToAssessmentProcessTest {

  static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
  /** Wednesday 22 April 2026, 10:00: five working days later is Thursday 30 April (Koningsdag skipped). */
  static final LocalDateTime MELDING_TIME = LocalDateTime.of(2026, 4, 22, 10, 0);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    setClock(MELDING_TIME);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void acuteMeldingChildMadeSafeThenClosedAfterAssessment() {
    ProcessInstance melding = startMelding(Meldingen.acute());

    assertThat(melding).isWaitingAt("Task_SecureChild");
    Task secure = singleTask(melding.getBusinessKey());
    assertThat(secure).hasCandidateGroup("intake");
    assertThat(secure.getDueDate()).isEqualTo(at(MELDING_TIME.plusHours(24)));

    tasks.complete(secure.getId(), Meldingen.childSecured());
    walkAssessment(melding.getBusinessKey(), "afsluiten");

    assertThat(melding).isEnded().hasPassed("Task_SecureChild", "CallActivity_AssessSafety",
        "Task_GiveReporterFeedback", "EndEvent_ClosedAfterAssessment");
    assertThat(jdbc.sql("select closing_reason from bv_case where case_number = ? and closed_at is not null")
        .param(melding.getBusinessKey()).query(String.class).single())
        .as("the case file is closed with the process").isEqualTo("afgesloten na beoordeling");
  }

  @Test
  void acuteMeldingNotSecuredWithin24HoursEscalatesToTheTeamleider() {
    ProcessInstance melding = startMelding(Meldingen.acute());

    setClock(MELDING_TIME.plusHours(23));
    assertThat(dueTimers(melding)).isEmpty();
    setClock(MELDING_TIME.plusHours(24).plusMinutes(1));
    runDueTimers(melding);

    Task escalation = tasks.createTaskQuery().processInstanceId(melding.getId())
        .taskDefinitionKey("Task_EscalateSecureChild").singleResult();
    assertThat(escalation).hasCandidateGroup("teamleider");
    assertThat(tasks.getVariable(escalation.getId(), "termijnOmschrijving")).asString().contains("24 uur");
    assertThat(melding).isWaitingAt("Task_SecureChild", "Task_EscalateSecureChild");

    tasks.complete(escalation.getId(), Meldingen.escalationHandled());
    assertThat(melding).isWaitingAt("Task_SecureChild");
  }

  @Test
  void notAcuteAssessedWithinFiveWorkingDaysThenClosed() {
    ProcessInstance melding = startMelding(Meldingen.notAcute());

    assertThat(melding).hasPassed("Task_OpenCase", "Task_TriageMelding").isWaitingAt("CallActivity_AssessSafety");
    assertThat(melding).hasNotPassed("Task_SecureChild");
    Task assess = singleTask(melding.getBusinessKey());
    assertThat(assess).hasDefinitionKey("Task_AssessSafety").hasCandidateGroup("intake");
    assertThat(assess.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 4, 30, 10, 0)));

    walkAssessment(melding.getBusinessKey(), "afsluiten");
    assertThat(melding).isEnded().hasPassed("EndEvent_ClosedAfterAssessment");
  }

  @Test
  void voluntaryRouteHandsTheFamilyToTheJeugdteam() {
    ProcessInstance melding = startMelding(Meldingen.notAcute());
    walkAssessment(melding.getBusinessKey(), "vrijwillig");
    assertThat(melding).isWaitingAt("CallActivity_FamilyApproachVoluntary");
    assertThat(runtime.getVariable(melding.getId(), "regieGroep")).isEqualTo("jeugdteam");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(melding.getBusinessKey())
        .taskDefinitionKey("Task_HomeVisit").singleResult()).hasCandidateGroup("jeugdteam");
  }

  @Test
  void raadInvestigationAfterTheGedragswetenschapperSentTheAssessmentBackOnce() {
    ProcessInstance melding = startMelding(Meldingen.notAcute());
    String caseNumber = melding.getBusinessKey();

    tasks.complete(singleTask(caseNumber).getId(), Meldingen.assessment("raadsonderzoek"));
    Task cosign = singleTask(caseNumber);
    assertThat(cosign).hasDefinitionKey("Task_CosignAssessment").hasCandidateGroup("gedragswetenschapper");
    tasks.complete(cosign.getId(), Meldingen.cosign(false));

    Task again = singleTask(caseNumber);
    assertThat(again).hasDefinitionKey("Task_AssessSafety");
    assertThat(tasks.getVariable(again.getId(), "medeondertekeningToelichting")).asString().contains("Daan");

    walkAssessment(caseNumber, "raadsonderzoek");
    assertThat(melding).isWaitingAt("CallActivity_RaadAndCourt");
    assertThat(singleTask(caseNumber)).hasDefinitionKey("Task_RequestRaadInvestigation").hasCandidateGroup("jurist");
  }

  @Test
  void assessmentNotDoneWithinFiveWorkingDaysEscalatesToTheTeamleider() {
    ProcessInstance melding = startMelding(Meldingen.notAcute());

    setClock(LocalDateTime.of(2026, 4, 29, 10, 0));
    assertThat(dueTimers(melding)).as("Koningsdag and the weekend do not count").isEmpty();
    setClock(LocalDateTime.of(2026, 4, 30, 10, 1));
    runDueTimers(melding);

    Task escalation = tasks.createTaskQuery().processInstanceId(melding.getId())
        .taskDefinitionKey("Task_EscalateAssessment").singleResult();
    assertThat(escalation).hasCandidateGroup("teamleider");
    assertThat(escalation.getDueDate()).as("one working day").isEqualTo(at(LocalDateTime.of(2026, 5, 1, 10, 1)));
    tasks.complete(escalation.getId(), Meldingen.escalationHandled());

    walkAssessment(melding.getBusinessKey(), "afsluiten");
    assertThat(melding).isEnded();
  }

  @Test
  void everyMeldingGetsItsOwnCaseNumberAndCaseFileWithAllChildren() {
    String first = startMelding(Meldingen.notAcute()).getBusinessKey();
    String second = startMelding(Meldingen.notAcute()).getBusinessKey();

    assertThat(first).matches("JB-2026-\\d{6}");
    assertThat(second).matches("JB-2026-\\d{6}").isNotEqualTo(first);
    assertThat(jdbc.sql("select count(*) from bv_child where case_number = ?").param(first).query(Long.class).single())
        .isEqualTo(2L);
    assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processDefinitionKey("jeugdbeschermingszaak").processInstanceBusinessKey(first)
        .singleResult().getId(), "zaaknummer")).isEqualTo(first);
  }

  @Test
  void meldingWithoutAChildIsRefusedAndNothingStarts() {
    assertRefused(Meldingen.melding("[]", "[]"), "kinderen");
  }

  @Test
  void bsnFailingTheElfproefIsRefused() {
    assertRefused(Meldingen.melding("""
        [{"voornaam": "Sanne", "achternaam": "de Vries", "bsn": "123456789"}]""", "[]"), "kinderen[1].bsn");
  }

  @Test
  void dateOfBirthInTheFutureIsRefused() {
    assertRefused(Meldingen.melding("""
        [{"voornaam": "Sanne", "achternaam": "de Vries", "geboortedatum": "2027-01-01"}]""", "[]"),
        "kinderen[1].geboortedatum");
  }

  @Test
  void childWithoutBsnNeedsADateOfBirth() {
    assertRefused(Meldingen.melding("""
        [{"voornaam": "Sanne", "achternaam": "de Vries"}]""", "[]"), "kinderen[1].geboortedatum");
  }

  @Test
  void unknownAcuteThreatAndMissingConcernsAreRefused() {
    Map<String, Object> melding = Meldingen.melding(Meldingen.CHILDREN_JSON, "[\"iets-anders\"]");
    melding.remove("zorgen");
    assertRefused(melding, "acuteDreigingen", "zorgen");
  }

  @Test
  void assessmentWithAScoreOutOfRangeIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance melding = startMelding(Meldingen.notAcute());
    Task assess = singleTask(melding.getBusinessKey());
    Map<String, Object> input = Meldingen.assessment("afsluiten");
    input.put("veiligheidsscore", 11L);
    input.put("kindAlleenGesproken", "nee");

    assertThatThrownBy(() -> tasks.complete(assess.getId(), input))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors())
            .containsKeys("veiligheidsscore", "redenNietAlleenGesproken"));
    assertThat(tasks.createTaskQuery().taskId(assess.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(assess.getProcessInstanceId(), "veiligheidsscore")).isNull();
  }

  private void assertRefused(Map<String, Object> variables, String... fields) {
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    long casesBefore = jdbc.sql("select count(*) from bv_case").query(Long.class).single();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("jeugdbeschermingszaak", variables))
        .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.errors()).containsKeys(fields));

    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(jdbc.sql("select count(*) from bv_case").query(Long.class).single()).isEqualTo(casesBefore);
  }

  private ProcessInstance startMelding(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey("jeugdbeschermingszaak", variables);
  }

  private void walkAssessment(String caseNumber, String route) {
    Task assess = singleTask(caseNumber);
    assertThat(assess).hasDefinitionKey("Task_AssessSafety");
    tasks.complete(assess.getId(), Meldingen.assessment(route));
    Task cosign = singleTask(caseNumber);
    assertThat(cosign).hasDefinitionKey("Task_CosignAssessment");
    tasks.complete(cosign.getId(), Meldingen.cosign(true));
    runPlanUpdates(caseNumber);
    Task feedback = singleTask(caseNumber);
    assertThat(feedback).hasDefinitionKey("Task_GiveReporterFeedback").hasCandidateGroup("intake");
    tasks.complete(feedback.getId(), Meldingen.reporterFeedback());
  }

  /** The asynchronous plan update after the assessment, as the job executor would run it. */
  private void runPlanUpdates(String caseNumber) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
        management.createJobQuery().processInstanceId(instance.getId()).messages().list()
            .forEach(job -> management.executeJob(job.getId())));
  }

  /** The one open worker task of the case (escalations aside), in the case or its called stage. */
  private Task singleTask(String caseNumber) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .filter(t -> !t.getTaskDefinitionKey().startsWith("Task_Escalate"))
        .toList();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private List<Job> dueTimers(ProcessInstance melding) {
    return management.createJobQuery().processInstanceId(melding.getId()).timers().executable().list();
  }

  private void runDueTimers(ProcessInstance melding) {
    List<Job> due = dueTimers(melding);
    assertThat(due).isNotEmpty();
    due.forEach(job -> management.executeJob(job.getId()));
  }

  private static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(at(time));
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(NL).toInstant());
  }
}
