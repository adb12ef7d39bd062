package nl.blijvendveilig.security;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import nl.blijvendveilig.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web basics of the project's own endpoints, attacked as a browser on another site, a curious
 * worker and a careless client would: a state-changing call riding on the webapps' session without
 * the CSRF token or from a foreign origin, case data a browser may cache or frame, error answers that
 * tell internals, and a case number that answers differently when it exists.
 */
@PostgresIntegrationTest
class WebBasicsIT {

  static final String FOREIGN = "https://kwaadwillend.example";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  CaseDriver zaak;

  @BeforeEach
  void caseOfJan() {
    LocalDateTime melding = LocalDateTime.of(2026, 4, 22, 10, 0);
    ClockUtil.setCurrentTime(at(melding));
    zaak = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPostRidingOnTheWebappSessionWithoutTheCsrfTokenChangesNothing() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    String moveJansCase = "{\"van\": \"jan\", \"naar\": \"joke\", \"zaken\": [\"" + zaak.caseNumber + "\"]}";

    ResponseEntity<String> noToken = tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", moveJansCase,
        h -> h.remove("X-CSRF-TOKEN"));
    assertThat(noToken.getStatusCode()).as(noToken.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> wrongToken = tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", moveJansCase,
        h -> h.set("X-CSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF"));
    assertThat(wrongToken.getStatusCode()).as(wrongToken.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jansOpenTasks()).as("the case stayed with jan").isPositive();
    assertThat(wrongToken.getBody()).doesNotContain("Exception", "CSRFPreventionFilter");

    WebappSession pieter = WebappSession.login(rest, "pieter", "cockpit");
    assertThat(pieter.exchange(HttpMethod.POST, "/api/migration", "{\"dryRun\": false}", h -> h.remove("X-CSRF-TOKEN"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from bv_audit where what like 'migratie gestart%'").query(Long.class).single())
        .isZero();

    // the pages send the session's token for the API (sent with every answer to the session): it goes through
    ResponseEntity<String> withToken = tessa.postJson("/api/cases/reassignment", moveJansCase);
    assertThat(withToken.getStatusCode()).as(withToken.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(jansOpenTasks()).isZero();
  }

  @Test
  void aCallFromAForeignOriginIsRefusedEvenWithTheTokenOrBasicAuthentication() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    String moveJansCase = "{\"van\": \"jan\", \"naar\": \"joke\", \"zaken\": [\"" + zaak.caseNumber + "\"]}";
    ResponseEntity<String> foreign = tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", moveJansCase,
        h -> h.setOrigin(FOREIGN));
    assertThat(foreign.getStatusCode()).as(foreign.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", moveJansCase, h -> h.setOrigin("null"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jansOpenTasks()).as("the case stayed with jan").isPositive();

    // a browser that cached basic credentials sends them to any site's form as well
    HttpHeaders basic = new HttpHeaders();
    basic.setBasicAuth("tessa", "demo");
    basic.setContentType(MediaType.APPLICATION_JSON);
    basic.setOrigin(FOREIGN);
    assertThat(rest.exchange("/api/cases/reassignment", HttpMethod.POST, new HttpEntity<>(moveJansCase, basic),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tessa.exchange(HttpMethod.GET, "/api/cases/" + zaak.caseNumber, null, h -> h.setOrigin(FOREIGN))
        .getStatusCode()).as("a read from another site").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jansOpenTasks()).isPositive();

    // the same origin (as the pages send it) goes through
    String self = rest.getRootUri();
    ResponseEntity<String> sameOrigin = tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", moveJansCase,
        h -> h.setOrigin(self));
    assertThat(sameOrigin.getStatusCode()).as(sameOrigin.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyAnswerWithCaseDataCarriesTheSecurityHeaders() {
    WebappSession jan = WebappSession.login(rest, "jan");
    for (ResponseEntity<String> answer : List.of(basic("jan", "/api/cases/" + zaak.caseNumber),
        jan.get("/api/cases/" + zaak.caseNumber + "/plan"), jan.get("/cases/" + zaak.caseNumber),
        basic("jan", "/api/cases/" + zaak.caseNumber + "/handover"), jan.get("/dashboard"),
        basic("jan", "/api/cases/JB-1999-000001"))) {
      HttpHeaders headers = answer.getHeaders();
      String what = answer.getStatusCode() + " " + headers.getContentType();
      assertThat(headers.getFirst("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'")
          .contains("base-uri 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(what).isEqualTo("DENY");
      assertThat(headers.getCacheControl()).as(what).contains("no-store");
    }
    ResponseEntity<String> handover = basic("jan", "/api/cases/" + zaak.caseNumber + "/handover");
    assertThat(handover.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(handover.getHeaders().get("Content-Security-Policy")).hasSize(1);
    assertThat(handover.getHeaders().getFirst("Content-Security-Policy")).as("the handover runs no script")
        .contains("script-src 'none'");
  }

  @Test
  void errorsTellNoInternals() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    HttpHeaders xml = new HttpHeaders();
    xml.setBasicAuth("jan", "demo");
    xml.setAccept(List.of(MediaType.APPLICATION_XML));
    List<ResponseEntity<String>> errors = List.of(
        basic("jan", "/api/bestaat-niet"),
        basic("jan", "/api/cases/" + zaak.caseNumber + "/plan/revisions/twee"),
        basic("jan", "/api/dashboard/cbs/jeugdbescherming.csv?van=gisteren&tot=2026-01-01"),
        rest.exchange("/api/cases/" + zaak.caseNumber, HttpMethod.GET, new HttpEntity<>(xml), String.class),
        rest.exchange("/api/cases/" + zaak.caseNumber, HttpMethod.DELETE, new HttpEntity<>(auth("jan")), String.class),
        tessa.postJson("/api/cases/reassignment", "{\"van\": [\"jan\"]"),
        tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", "van=jan",
            h -> h.setContentType(MediaType.APPLICATION_FORM_URLENCODED)),
        tessa.exchange(HttpMethod.POST, "/api/cases/reassignment", "{}", h -> h.remove("X-CSRF-TOKEN")),
        rest.getForEntity("/api/me", String.class),
        rest.withBasicAuth("jan", "demo").getForEntity("/actuator/prometheus", String.class),
        rest.getForEntity("/error", String.class));
    SoftAssertions softly = new SoftAssertions();
    for (ResponseEntity<String> error : errors) {
      String body = error.getBody() == null ? "" : error.getBody();
      softly.assertThat(error.getStatusCode().isError()).as(body).isTrue();
      softly.assertThat(body).as("%s", error.getStatusCode())
          .doesNotContain("Exception", "exception", "java.", "org.", "trace", "Error", "Forbidden", "Not Found")
          .contains("\"message\"");
    }
    softly.assertAll();
  }

  @Test
  void anUnknownCaseAndACaseTheCallerMayNotSeeAnswerTheSame() {
    String unknown = "JB-1999-000001";
    WebappSession joke = WebappSession.login(rest, "joke");
    for (String path : List.of("", "/plan", "/timeline", "/handover", "/safety-scores", "/plan/revisions/1")) {
      ResponseEntity<String> notAllowed = basic("joke", "/api/cases/" + zaak.caseNumber + path);
      ResponseEntity<String> notThere = basic("joke", "/api/cases/" + unknown + path);
      assertThat(notAllowed.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(notThere.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(notAllowed.getBody()).as(path).isEqualTo(notThere.getBody());
    }
    ResponseEntity<String> pageNotAllowed = joke.get("/cases/" + zaak.caseNumber);
    ResponseEntity<String> pageNotThere = joke.get("/cases/" + unknown);
    assertThat(pageNotAllowed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pageNotThere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pageNotAllowed.getBody()).isEqualTo(pageNotThere.getBody());

    assertThat(jdbc.sql("select count(*) from bv_audit where user_id = 'joke' and case_number = ? and what like 'geweigerd%'")
        .param(zaak.caseNumber).query(Long.class).single()).as("the refusals are in the access log").isPositive();
  }

  @Test
  void theChainLeavesCamundaItsOwnPathsAndSpringBootMakesNoUserOfItsOwn() {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).as("no default user").isEmpty();
    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getHeaders().getFirst("X-XSRF-TOKEN")).as("the webapps' own CSRF filter").isNotBlank();
    ResponseEntity<String> engineRest = new EngineRestClient(rest, "ingrid", "demo")
        .post("/task?firstResult=0&maxResults=10", "{}");
    assertThat(engineRest.getStatusCode()).as("a basic-auth POST to /engine-rest needs no token").isEqualTo(HttpStatus.OK);
  }

  private long jansOpenTasks() {
    return tasks.createTaskQuery().processInstanceBusinessKey(zaak.caseNumber).taskAssignee("jan").count();
  }

  private ResponseEntity<String> basic(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), String.class);
  }

  private static HttpHeaders auth(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
    return headers;
  }
}
