package nl.blijvendveilig.phases;

import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Map;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One family from melding to closure on a real PostgreSQL, every step by the demo user of its role
 * through the REST calls Tasklist makes ({@code GET /task}, {@code POST /task/{id}/submit-form}); the
 * timers run by moving the engine clock, as the job executor would when their time comes.
 */
@PostgresIntegrationTest
class CaseWalkRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ManagementService management;

  String caseNumber;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneFamilyFromMeldingThroughOtsAndTheThreePhasesToClosureByEveryRole() {
    ResponseEntity<String> started = as("ingrid").postVariables(
        "/process-definition/key/jeugdbeschermingszaak/submit-form", Meldingen.notAcute());
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    caseNumber = json(started).path("businessKey").asText();

    submit("ingrid", "Task_AssessSafety", Meldingen.assessment("raadsonderzoek"));
    submit("gerard", "Task_CosignAssessment", Meldingen.cosign(true));
    submit("ingrid", "Task_GiveReporterFeedback", Meldingen.reporterFeedback());
    submit("julia", "Task_RequestRaadInvestigation", Answers.raadRequested());
    submit("julia", "Task_RegisterRaadStarted", Answers.raadStarted());
    submit("julia", "Task_RegisterRaadReport", Answers.raadAdvisesMeasure());

    // a court system sends a beschikking that cannot be right: refused with 400, nothing changes
    ResponseEntity<String> tooLong = as("julia").post("/message", message("Beschikking",
        Answers.ots("2026-05-01", "2028-05-01")).toString());
    assertThat(tooLong.getStatusCode()).as(tooLong.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(tooLong).path("message").asText()).contains("maatregelEinde");
    ResponseEntity<String> decided = as("julia").post("/message", message("Beschikking",
        Answers.ots("2026-05-01", "2027-05-01")).toString());
    assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runAsyncSteps();

    submit("tessa", "Task_AssignJeugdbeschermer", Answers.assign("jan"));
    submit("jan", "Task_HomeVisit", Answers.homeVisit());
    submit("jan", "Task_EstimateSafety", Answers.safetyEstimate(6));
    submit("jan", "Task_DraftSafetyPlan", Answers.safetyPlan());
    submit("jan", "Task_MapNetwork", Answers.network());
    submit("jan", "Task_AnalysePattern", Answers.pattern());
    submit("jan", "Task_DraftChangePlan", Answers.changePlan());
    submit("gerard", "Task_CaseConsultation", Answers.caseConsultation());
    submit("jan", "Task_DiscussFamilyPlan", Answers.familyBacksPlan(true));
    submit("jan", "Task_ArrangeHelp", Answers.help());

    timePasses(LocalDateTime.now().plusWeeks(6).plusHours(1));
    submit("jan", "Task_RecordContact", Answers.contact(7));
    submit("jan", "Task_HoldNetworkMeeting", Answers.networkMeeting());
    submit("jan", "Task_EvaluateProgress", Answers.progress("doelen-bereikt"));
    submit("jan", "Task_DraftSafeguardingPlan", Answers.safeguardingPlan());
    submit("jan", "Task_CheckFamilyOwnsSafety", Answers.familyOwnsSafety(true));
    submit("julia", "Task_RequestTermination", Answers.requestTermination());
    submit("julia", "Task_RegisterTerminationDecision", Answers.terminationDecided(true));
    submit("jan", "Task_HandOver", Answers.handOver());
    submit("lotte", "Task_ReceiveHandover", Answers.handoverReceived());

    assertThat(jdbc.sql("select closing_reason from bv_case where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("maatregel opgeheven");
    timePasses(LocalDateTime.now().plusWeeks(6).plusMonths(3).plusDays(2));
    submit("lotte", "Task_FollowUp", Answers.followUp(true));

    JsonNode finished = json(as("beheerder").get("/history/process-instance?processDefinitionKey=jeugdbeschermingszaak"
        + "&processInstanceBusinessKey=" + caseNumber));
    assertThat(finished.get(0).path("state").asText()).isEqualTo("COMPLETED");
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest, user, "demo");
  }

  private JsonNode task(String user, String key) {
    ResponseEntity<String> response = as(user).get("/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + key);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode tasks = json(response);
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private void submit(String user, String key, Map<String, Object> variables) {
    JsonNode task = task(user, key);
    assertThat(task).as("%s sees task %s of case %s", user, key, caseNumber).isNotNull();
    ResponseEntity<String> done = as(user).postVariables("/task/" + task.path("id").asText() + "/submit-form", variables);
    assertThat(done.getStatusCode()).as("%s completes %s: %s", user, key, done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runAsyncSteps();
  }

  /** The plan updates after a step, as the job executor would run them. */
  private void runAsyncSteps() {
    for (int round = 0; round < 10; round++) {
      var waiting = management.createJobQuery().messages().executable().list();
      if (waiting.isEmpty()) {
        return;
      }
      waiting.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private ObjectNode message(String name, Map<String, Object> variables) {
    ObjectNode body = EngineRestClient.variablesBody(variables);
    body.set("processVariables", body.remove("variables"));
    body.put("messageName", name);
    body.put("businessKey", caseNumber);
    return body;
  }

  private void timePasses(LocalDateTime to) {
    ClockUtil.setCurrentTime(CaseDriver.at(to));
    for (int round = 0; round < 10; round++) {
      var due = management.createJobQuery().timers().executable().list().stream()
          .filter(job -> job.getProcessInstanceId() != null).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach((Job job) -> management.executeJob(job.getId()));
      runAsyncSteps();
    }
  }
}
