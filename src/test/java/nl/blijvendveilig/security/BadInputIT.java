package nl.blijvendveilig.security;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * A catalogue of bad input, each through the REST API as a client would send it: a clear 4xx answer
 * with a message, and no state change at all (cases, plan revisions, scores, tasks, process
 * instances and variables as before).
 */
@PostgresIntegrationTest
class BadInputIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  CaseDriver zaak;
  String contactTask;
  String courtCase;

  @BeforeEach
  void aCaseInFaseOneWithAContactDue() {
    LocalDateTime melding = LocalDateTime.of(2026, 4, 22, 10, 0);
    ClockUtil.setCurrentTime(at(melding));
    zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(melding.plusWeeks(1).plusHours(1));
    contactTask = zaak.task("Task_RecordContact").getId();

    CaseDriver court = CaseDriver.start(engine, Meldingen.notAcute());
    court.toCourt();
    courtCase = court.caseNumber;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyKindOfBadInputIsRefusedWithAClearMessageAndChangesNothing() {
    EngineRestClient intake = as("ingrid");
    EngineRestClient jan = as("jan");
    String start = "/process-definition/key/jeugdbeschermingszaak/start";
    String contact = "/task/" + contactTask + "/complete";

    refused("malformed JSON", 400, "", () -> intake.post(start, "{\"variables\": {\"zorgen\": "));
    refused("a value of the wrong type", 400, "abc", () -> jan.post(contact,
        "{\"variables\": {\"veiligheidsscore\": {\"value\": \"abc\", \"type\": \"Long\"}}}"));
    refused("safety score 0", 400, "veiligheidsscore", () -> jan.postVariables(contact, withScore(0L)));
    refused("safety score 11", 400, "veiligheidsscore", () -> jan.postVariables(contact, withScore(11L)));
    refused("safety score as text", 400, "veiligheidsscore", () -> jan.postVariables(contact, withScore("abc")));
    refused("a melding without a child", 400, "kinderen", () -> intake.postVariables(start,
        Meldingen.melding("[]", "[]")));
    refused("a BSN that fails the elfproef", 400, "elfproef", () -> intake.postVariables(start, Meldingen.melding(
        "[{\"voornaam\": \"Sanne\", \"achternaam\": \"X\", \"bsn\": \"123456789\"}]", "[]")));
    refused("a date of birth in the future", 400, "toekomst", () -> intake.postVariables(start, Meldingen.melding(
        "[{\"voornaam\": \"Sanne\", \"achternaam\": \"X\", \"geboortedatum\": \"2031-01-01\"}]", "[]")));
    refused("a list that is not a list", 400, "kinderen", () -> intake.postVariables(start,
        with(Meldingen.notAcute(), "kinderen", "geen lijst")));
    refused("an unknown option", 400, "melderRelatie", () -> intake.postVariables(start,
        with(Meldingen.notAcute(), "melderRelatie", "buurman")));
    refused("a required field missing", 400, "zorgen", () -> intake.postVariables(start,
        without(Meldingen.notAcute(), "zorgen")));
    refused("oversize text (1 MB)", 400, "zorgen", () -> intake.postVariables(start,
        with(Meldingen.notAcute(), "zorgen", "x".repeat(1_000_000))));
    refused("a message that correlates to no case", 400, "", () -> as("julia").post("/message",
        message("Beschikking", "JB-2099-000001", Answers.ots("2026-05-01", "2027-05-01"))));
    refused("a message that correlates to several cases", 400, "", () -> as("tessa").post("/message",
        "{\"messageName\": \"AcuteOnveiligheid\"}"));
    refused("a decision for a case that is already decided", 400, "", () -> as("julia").post("/message",
        message("Beschikking", zaak.caseNumber, Answers.ots("2026-05-01", "2027-05-01"))));
    refused("an OTS longer than a year", 400, "maatregelEinde", () -> as("julia").post("/message",
        message("Beschikking", courtCase, Answers.ots("2026-05-01", "2028-05-01"))));
    refused("an end date before its start", 400, "na de ingangsdatum", () -> as("julia").post("/message",
        message("Beschikking", courtCase, Answers.ots("2026-05-01", "2026-03-01"))));
    refused("a new jeugdbeschermer who is none", 400, "geen jeugdbeschermer", () -> as("tessa").post("/message",
        message("JeugdbeschermerWijzigen", zaak.caseNumber, Map.of("nieuweJeugdbeschermer", "ingrid"))));
    refused("an unknown case number", 404, "bestaat niet", () -> get("jan", "/api/cases/JB-2099-999999"));
    refused("SQL in a path", 404, "bestaat niet", () -> get("jan", "/api/cases/JB-2026-000001' OR '1'='1"));
    refused("another worker's case (as an unknown one)", 404, "geen toegang",
        () -> get("joke", "/api/cases/" + zaak.caseNumber));
    refused("a task completed by someone it is not assigned to", 403, "", () -> as("joke").postVariables(contact,
        Answers.contact(6)));
    refused("no credentials", 401, "", () -> new EngineRestClient(rest, null, null).post(start, "{}"));
    refused("a wrong password", 401, "", () -> new EngineRestClient(rest, "lotte", "geraden").get("/task"));

    assertThat(jan.postVariables(contact, Answers.contact(6)).getStatusCode().value()).isEqualTo(204);
    refused("a completed task completed again", 404, "", () -> jan.postVariables(contact, Answers.contact(6)));
  }

  @Test
  void sqlInAQueryParameterIsJustText() {
    ResponseEntity<String> tasks = as("jan").get("/task?processInstanceBusinessKey=x'%20OR%20'1'='1");
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(json(tasks)).isEmpty();
  }

  private void refused(String kind, int status, String message, Supplier<ResponseEntity<String>> request) {
    Map<String, Long> before = state();
    ResponseEntity<String> answer = request.get();
    assertThat(answer.getStatusCode().value()).as("%s: %s", kind, answer.getBody()).isEqualTo(status);
    if (status != 401 && !message.isEmpty()) {
      assertThat(answer.getBody()).as(kind).containsIgnoringCase(message);
    }
    if (status != 401) {
      assertThat(answer.getBody()).as("%s answers with a message", kind).isNotBlank();
    }
    assertThat(state()).as("%s changes nothing", kind).isEqualTo(before);
  }

  private Map<String, Long> state() {
    Map<String, Long> counts = new HashMap<>();
    for (String table : List.of("bv_case", "bv_child", "bv_plan_revision", "bv_safety_score", "act_ru_task",
        "act_hi_procinst", "act_ru_variable", "act_ru_execution")) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest, user, "demo");
  }

  private ResponseEntity<String> get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    // encoded once, as a browser sends it (a String would be encoded again: %27 as %2527, which the firewall refuses)
    return rest.exchange(java.net.URI.create(rest.getRootUri() + path.replace("'", "%27").replace(" ", "%20")),
        HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static Map<String, Object> withScore(Object score) {
    Map<String, Object> input = Answers.contact(6);
    input.put("veiligheidsscore", score);
    return input;
  }

  private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
    input.put(key, value);
    return input;
  }

  private static Map<String, Object> without(Map<String, Object> input, String key) {
    input.remove(key);
    return input;
  }

  private static String message(String name, String caseNumber, Map<String, Object> variables) {
    ObjectNode body = EngineRestClient.variablesBody(variables);
    body.set("processVariables", body.remove("variables"));
    body.put("messageName", name);
    body.put("businessKey", caseNumber);
    return body.toString();
  }
}
