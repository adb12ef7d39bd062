package nl.blijvendveilig.casefile;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import nl.blijvendveilig.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case page as a worker reaches it from a task form: logged in to Tasklist (the webapps' session),
 * the page and its data for their own case, a refusal for another's, a login form without a session.
 */
@PostgresIntegrationTest
class CasePageIT {

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
    zaak = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.timePasses(melding.plusWeeks(1).plusHours(1));
    zaak.complete("Task_RecordContact", Answers.contact(6));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theJeugdbeschermerLoggedInToTasklistOpensTheCasePageAndItsData() {
    WebappSession jan = WebappSession.login(rest, "jan");
    ResponseEntity<String> page = jan.get("/cases/" + zaak.caseNumber);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("/bv/case.js", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(rest.getForEntity("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(json(jan.get("/api/me")).path("userId").asText()).isEqualTo("jan");
    JsonNode details = json(jan.get("/api/cases/" + zaak.caseNumber));
    assertThat(details.path("phase").asText()).isEqualTo("Fase 1: verbinden en motiveren");
    assertThat(details.path("openDeadlines").findValuesAsText("kind")).contains("taak", "termijn");

    JsonNode timeline = json(jan.get("/api/cases/" + zaak.caseNumber + "/timeline"));
    assertThat(timeline.findValuesAsText("what")).contains("Melding ontvangen", "Huisbezoek afleggen",
        "Contactmoment vastleggen", "Gezinsplan revisie 1: Melding ontvangen");
    assertThat(timeline.findValuesAsText("kind")).contains("taak afgerond", "gezinsplan");
    JsonNode homeVisitDone = null;
    for (JsonNode event : timeline) {
      if (event.path("what").asText().equals("Huisbezoek afleggen") && event.path("kind").asText().equals("taak afgerond")) {
        homeVisitDone = event;
      }
    }
    assertThat(homeVisitDone).isNotNull();
    assertThat(homeVisitDone.path("stage").asText()).isEqualTo("Fase 1: verbinden en motiveren");
    assertThat(json(jan.get("/api/cases/" + zaak.caseNumber + "/safety-scores")).findValuesAsText("score"))
        .containsExactly("5", "6");
  }

  @Test
  void anotherWorkerIsRefusedAndWithoutALoginThePageAsksForOne() {
    WebappSession joke = WebappSession.login(rest, "joke");
    assertThat(joke.get("/cases/" + zaak.caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> data = joke.get("/api/cases/" + zaak.caseNumber + "/timeline");
    assertThat(data.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(data).path("message").asText()).contains("geen toegang");

    assertThat(rest.getForEntity("/cases/" + zaak.caseNumber, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(WebappSession.login(rest, "jan").get("/cases/JB-1999-000001").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(WebappSession.login(rest, "tessa").get("/cases/" + zaak.caseNumber).getStatusCode())
        .as("the teamleider sees every case").isEqualTo(HttpStatus.OK);
  }
}
