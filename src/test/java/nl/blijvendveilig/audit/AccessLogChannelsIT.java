package nl.blijvendveilig.audit;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import nl.blijvendveilig.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * NEN 7513, per channel: a read or change of case data is logged with the case of the data itself
 * (the root business key of what the engine returned, changed or refused), never with a case named
 * in the request. Jan holds a case in fase 1; joke, another jeugdbeschermer, may not see it; tessa
 * is the teamleider.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogChannelsIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  CaseDriver jans;
  CaseDriver other;

  @BeforeAll
  void aCaseOfJanAndAnotherCase() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 4, 22, 10, 0)));
    jans = CaseDriver.start(engine, Meldingen.notAcute());
    jans.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    other = CaseDriver.start(engine, Meldingen.notAcute());
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void engineRestReadOfATasksVariablesIsLoggedWithTheTasksCase() {
    String taskId = json(as("jan").get("/task?processInstanceBusinessKey=" + jans.caseNumber)).get(0).path("id").asText();
    assertThat(as("jan").get("/task/" + taskId + "/variables").getStatusCode().value()).isEqualTo(200);

    assertThat(entries("jan", jans.caseNumber))
        .contains("LEZEN rest GET /engine-rest/task/" + taskId + "/variables");
    assertThat(casesOf("jan", "GET /engine-rest/task/" + taskId + "/variables"))
        .as("one entry, for that case only").containsExactly(jans.caseNumber);
  }

  @Test
  void aPostQueryIsAReadLoggedWithTheCasesOfTheTasksItReturned() {
    ResponseEntity<String> tasks = as("tessa").post("/task?firstResult=0&maxResults=50",
        "{\"processInstanceBusinessKeyIn\": [\"" + jans.caseNumber + "\", \"" + other.caseNumber + "\"]}");
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(json(tasks).size()).as("tasks of both cases").isGreaterThanOrEqualTo(2);

    assertThat(entries("tessa", jans.caseNumber)).contains("LEZEN rest POST /engine-rest/task");
    assertThat(entries("tessa", other.caseNumber)).contains("LEZEN rest POST /engine-rest/task");
    assertThat(casesOf("tessa", "POST /engine-rest/task")).as("one entry per case, not per task")
        .containsExactlyInAnyOrder(jans.caseNumber, other.caseNumber);
  }

  @Test
  void historyReadsAreLoggedWithTheirCase() {
    String root = jans.root.getId();
    assertThat(as("jan").get("/history/process-instance/" + root).getStatusCode().value()).isEqualTo(200);
    assertThat(json(as("jan").get("/history/variable-instance?processInstanceId=" + root))).isNotEmpty();

    assertThat(entries("jan", jans.caseNumber)).contains(
        "LEZEN rest GET /engine-rest/history/process-instance/" + root,
        "LEZEN rest GET /engine-rest/history/variable-instance");
  }

  @Test
  void aCaseNamedInTheRequestButNotReadGetsNoEntry() {
    // joke names jan's case; the engine gives her nothing of it
    assertThat(json(as("joke").get("/task?processInstanceBusinessKey=" + jans.caseNumber))).isEmpty();
    assertThat(json(as("joke").post("/task?firstResult=0&maxResults=50",
        "{\"processInstanceBusinessKey\": \"" + jans.caseNumber + "\"}"))).isEmpty();
    assertThat(json(as("joke").get("/history/process-instance?processInstanceBusinessKey=" + jans.caseNumber)))
        .isEmpty();

    assertThat(entries("joke", jans.caseNumber)).doesNotContain("LEZEN rest GET /engine-rest/task",
        "LEZEN rest POST /engine-rest/task", "LEZEN rest GET /engine-rest/history/process-instance");
    assertThat(entries("joke", null)).contains("LEZEN rest GET /engine-rest/task", "LEZEN rest POST /engine-rest/task");
  }

  @Test
  void aRefusalIsLoggedWithTheCaseTheEngineRefused() {
    String root = jans.root.getId();
    assertThat(as("joke").get("/process-instance/" + root + "/variables").getStatusCode().value()).isEqualTo(403);

    assertThat(entries("joke", jans.caseNumber))
        .contains("LEZEN rest geweigerd: GET /engine-rest/process-instance/" + root + "/variables");
  }

  @Test
  void aRefusedTaskIsLoggedWithItsCase() {
    String taskId = json(as("jan").get("/task?processInstanceBusinessKey=" + jans.caseNumber)).get(0).path("id").asText();
    assertThat(as("joke").get("/task/" + taskId + "/variables").getStatusCode().value()).isEqualTo(403);

    assertThat(entries("joke", jans.caseNumber))
        .contains("LEZEN rest geweigerd: GET /engine-rest/task/" + taskId + "/variables");
  }

  @Test
  void aRefusedLoginIsLoggedWithoutCase() {
    assertThat(new EngineRestClient(rest, "niemand", "fout").get("/task").getStatusCode().value()).isEqualTo(401);

    assertThat(entries("onbekend", null))
        .contains("LEZEN rest geweigerd, niet ingelogd (als niemand): GET /engine-rest/task");
  }

  @Test
  void theWebappsRestIsLoggedWithTheCase() {
    WebappSession jan = WebappSession.login(rest, "jan");
    String root = jans.root.getId();
    assertThat(jan.get("/camunda/api/engine/engine/default/process-instance/" + root + "/variables")
        .getStatusCode().value()).isEqualTo(200);

    assertThat(entries("jan", jans.caseNumber))
        .contains("LEZEN webapps GET /camunda/api/engine/engine/default/process-instance/" + root + "/variables");
  }

  @Test
  void cockpitsPluginIsLoggedWithTheCase() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    ResponseEntity<String> instances = tessa.get("/camunda/api/cockpit/plugin/base/default/process-instance"
        + "?processDefinitionId=" + jans.root.getProcessDefinitionId() + "&businessKey=" + jans.caseNumber
        + "&firstResult=0&maxResults=50");
    assertThat(instances.getStatusCode().value()).as(instances.getBody()).isEqualTo(200);
    assertThat(json(instances)).hasSize(1);

    assertThat(entries("tessa", jans.caseNumber))
        .contains("LEZEN cockpit GET /camunda/api/cockpit/plugin/base/default/process-instance");
  }

  @Test
  void theProjectsApiIsLoggedWithTheCase() {
    assertThat(api("tessa", "/api/cases/" + jans.caseNumber).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<String> open = api("tessa", "/api/cases");
    assertThat(open.getBody()).contains(other.caseNumber);

    assertThat(entries("tessa", jans.caseNumber)).contains("LEZEN api GET /api/cases/" + jans.caseNumber);
    assertThat(entries("tessa", other.caseNumber)).as("each case in the list").contains("LEZEN api GET /api/cases");
  }

  @Test
  void aChangeIsLoggedWithTheCaseItMade() {
    JsonNode started = json(as("ingrid").postVariables("/process-definition/key/jeugdbeschermingszaak/start",
        Meldingen.notAcute()));
    String caseNumber = started.path("businessKey").asText();
    assertThat(caseNumber).startsWith("JB-");

    assertThat(entries("ingrid", caseNumber))
        .contains("WIJZIGEN rest POST /engine-rest/process-definition/key/jeugdbeschermingszaak/start");
  }

  /** "action channel what" of the user's entries for the case (or without case). */
  private List<String> entries(String user, String caseNumber) {
    String condition = caseNumber == null ? "case_number is null" : "case_number = ?";
    var query = jdbc.sql("select action, channel, what from bv_audit where user_id = ? and " + condition + " order by id")
        .param(user);
    if (caseNumber != null) {
      query = query.param(caseNumber);
    }
    return query.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
  }

  /** The cases of the user's entries for this request ("method path"). */
  private List<String> casesOf(String user, String what) {
    return jdbc.sql("select case_number from bv_audit where user_id = ? and what = ? order by id").params(user, what)
        .query(String.class).list();
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest, user, "demo");
  }

  private ResponseEntity<String> api(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
