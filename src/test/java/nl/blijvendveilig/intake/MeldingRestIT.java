package nl.blijvendveilig.intake;

import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a real PostgreSQL: a melding registered and assessed entirely through {@code /engine-rest} with
 * basic authentication, by the demo user of each role, as another system or Tasklist would.
 */
@PostgresIntegrationTest
class MeldingRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  EngineRestClient intake() {
    return new EngineRestClient(rest, "ingrid", "demo");
  }

  @Test
  void meldingStartedAndAssessedThroughTheRestApiOnPostgres() {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");

    ResponseEntity<String> started = intake().postVariables(
        "/process-definition/key/jeugdbeschermingszaak/start", Meldingen.notAcute());
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String caseNumber = json(started).path("businessKey").asText();
    assertThat(caseNumber).matches("JB-\\d{4}-\\d{6}");

    completeOnlyTask(intake(), caseNumber, "Task_AssessSafety", Meldingen.assessment("afsluiten"));
    EngineRestClient gedragswetenschapper = new EngineRestClient(rest, "gerard", "demo");
    completeOnlyTask(gedragswetenschapper, caseNumber, "Task_CosignAssessment", Meldingen.cosign(true));
    completeOnlyTask(intake(), caseNumber, "Task_GiveReporterFeedback", Meldingen.reporterFeedback());

    EngineRestClient beheerder = new EngineRestClient(rest, "beheerder", "demo");
    JsonNode finished = json(beheerder.get("/history/process-instance?processDefinitionKey=jeugdbeschermingszaak"
        + "&processInstanceBusinessKey=" + caseNumber));
    assertThat(finished).hasSize(1);
    assertThat(finished.get(0).path("state").asText()).isEqualTo("COMPLETED");
    JsonNode routeEnd = json(beheerder.get("/history/activity-instance?activityId=EndEvent_ClosedAfterAssessment"
        + "&processInstanceId=" + finished.get(0).path("id").asText()));
    assertThat(routeEnd).as("closed after the assessment").hasSize(1);
    assertThat(jdbc.sql("select family_name from bv_case where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("De Vries");
  }

  @Test
  void badMeldingIsRefusedWith400NamingTheFieldAndNothingStarts() {
    long casesBefore = jdbc.sql("select count(*) from bv_case").query(Long.class).single();
    Map<String, Object> melding = Meldingen.melding("""
        [{"voornaam": "Sanne", "achternaam": "de Vries", "bsn": "123456789"}]""", "[]");

    for (String path : new String[] {"/start", "/submit-form"}) {
      ResponseEntity<String> refused = intake().postVariables(
          "/process-definition/key/jeugdbeschermingszaak" + path, melding);
      assertThat(refused.getStatusCode()).as(path + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json(refused).path("message").asText()).contains("kinderen[1].bsn").contains("elfproef");
    }
    assertThat(jdbc.sql("select count(*) from bv_case").query(Long.class).single()).isEqualTo(casesBefore);
  }

  @Test
  void assessmentWithAScoreOfElevenIsRefusedWith400AndTheTaskStaysOpen() {
    String caseNumber = json(intake().postVariables("/process-definition/key/jeugdbeschermingszaak/start",
        Meldingen.notAcute())).path("businessKey").asText();
    JsonNode task = onlyTask(intake(), caseNumber);
    Map<String, Object> input = Meldingen.assessment("afsluiten");
    input.put("veiligheidsscore", 11L);

    ResponseEntity<String> refused = intake().postVariables("/task/" + task.path("id").asText() + "/complete", input);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(refused).path("message").asText()).contains("veiligheidsscore");
    assertThat(onlyTask(intake(), caseNumber).path("id").asText()).isEqualTo(task.path("id").asText());
  }

  private JsonNode onlyTask(EngineRestClient user, String caseNumber) {
    ResponseEntity<String> response = user.get("/task?processInstanceBusinessKey=" + caseNumber);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode tasks = json(response);
    assertThat(tasks).as("open tasks visible to the user").hasSize(1);
    return tasks.get(0);
  }

  private void completeOnlyTask(EngineRestClient user, String caseNumber, String taskKey,
      Map<String, Object> variables) {
    JsonNode task = onlyTask(user, caseNumber);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(taskKey);
    ResponseEntity<String> completed = user.postVariables("/task/" + task.path("id").asText() + "/complete",
        variables);
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    // the plan update after the assessment runs as a job; the job executor is off in this test
    management.createJobQuery().messages().executable().list().forEach(job -> management.executeJob(job.getId()));
  }
}
