package nl.blijvendveilig.casefile;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case API on PostgreSQL: what each caller sees, the plan and its revisions, scores, handover. */
@PostgresIntegrationTest
class CaseApiIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  CaseDriver zaak;

  @BeforeEach
  void caseOfJan() {
    LocalDateTime melding = LocalDateTime.of(2026, 4, 22, 10, 0);
    ClockUtil.setCurrentTime(at(melding));
    var input = Meldingen.notAcute();
    input.put("zorgen", "Vader zei: <script>alert('x')</script> en sloeg de deur dicht.");
    zaak = CaseDriver.start(engine, input);
    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(melding.plusWeeks(1).plusHours(1));
    zaak.complete("Task_RecordContact", Answers.contact(6));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theJeugdbeschermerSeesTheCaseWithItsPlanScoresAndDeadlines() {
    JsonNode list = json(get("jan", "/api/cases"));
    assertThat(list.findValuesAsText("caseNumber")).contains(zaak.caseNumber);

    JsonNode details = json(get("jan", "/api/cases/" + zaak.caseNumber));
    assertThat(details.path("phase").asText()).isEqualTo("Fase 1: verbinden en motiveren");
    assertThat(details.path("measure").asText()).isEqualTo("ots");
    assertThat(details.path("measureEnd").asText()).isEqualTo("2027-05-01");
    assertThat(details.path("jeugdbeschermer").asText()).isEqualTo("jan");
    assertThat(details.path("children")).hasSize(2);
    assertThat(details.path("openDeadlines").findValuesAsText("what")).contains("Huisbezoek afleggen");

    JsonNode plan = json(get("jan", "/api/cases/" + zaak.caseNumber + "/plan"));
    JsonNode revisions = json(get("jan", "/api/cases/" + zaak.caseNumber + "/plan/revisions"));
    assertThat(plan.path("number").asInt()).isEqualTo(revisions.size());
    assertThat(revisions.get(0).path("reason").asText()).isEqualTo("Melding ontvangen");
    assertThat(json(get("jan", "/api/cases/" + zaak.caseNumber + "/plan/revisions/1")).at("/content/aanleiding/zorgen")
        .asText()).contains("<script>");

    JsonNode scores = json(get("jan", "/api/cases/" + zaak.caseNumber + "/safety-scores"));
    assertThat(scores.findValuesAsText("score")).containsExactly("5", "6");
  }

  @Test
  void theHandoverDocumentComesAsEscapedHtmlAndAsPdf() {
    ResponseEntity<String> html = get("jan", "/api/cases/" + zaak.caseNumber + "/handover");
    assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(html.getBody()).contains("&lt;script&gt;").doesNotContain("<script>");

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("jan", "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    ResponseEntity<byte[]> pdf = rest.exchange("/api/cases/" + zaak.caseNumber + "/handover", HttpMethod.GET,
        new HttpEntity<>(headers), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
  }

  @Test
  void anotherWorkersCaseAndAnUnknownCaseAreNotFound() {
    // another's case answers as an unknown one: nobody learns which case numbers exist
    ResponseEntity<String> other = get("joke", "/api/cases/" + zaak.caseNumber);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(other).path("message").asText()).contains("geen toegang");
    assertThat(json(get("joke", "/api/cases")).findValuesAsText("caseNumber")).doesNotContain(zaak.caseNumber);
    assertThat(get("joke", "/api/cases/" + zaak.caseNumber + "/plan").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> unknown = get("jan", "/api/cases/JB-1999-000001");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(unknown).path("message").asText()).contains("bestaat niet");

    assertThat(get("tessa", "/api/cases/" + zaak.caseNumber).getStatusCode()).as("teamleider").isEqualTo(HttpStatus.OK);
    assertThat(get(null, "/api/cases").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
