package nl.blijvendveilig.monitoring;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import nl.blijvendveilig.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The team lead's dashboard on a database of its own, so every figure can be checked exactly: three
 * families, a home visit on time and one late, an assessment on time and one late, two OTS measures,
 * a crisis placement and an open escalation; then the CSV and CBS exports, and a bulk reassignment.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

  static final LocalDateTime MELDING = LocalDateTime.of(2026, 4, 22, 10, 0);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.registerOwn(registry, "dashboard");
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;

  CaseDriver onTime;
  CaseDriver late;
  CaseDriver lateAssessment;

  @BeforeAll
  void threeFamilies() {
    ClockUtil.setCurrentTime(at(MELDING));
    onTime = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    onTime.complete("Task_HomeVisit", Answers.homeVisit());
    onTime.correlate("Crisisplaatsing");
    onTime.complete("Task_FindCrisisPlace", "plaatsingType", "netwerk", "plaatsingLocatie", "Bij oma",
        "geplaatstOp", "2026-04-22");

    late = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    lateAssessment = CaseDriver.start(engine, Meldingen.notAcute());
    // nine days later (Koningsdag in between): the second home visit and the third assessment are late
    late.timePasses(MELDING.plusDays(9));
    lateAssessment.timePasses(MELDING.plusDays(9));
    late.complete("Task_HomeVisit", Answers.homeVisit());
    lateAssessment.assess("raadsonderzoek");
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void theTeamleiderSeesCaseloadDeadlinesMeasuresAndWhatNeedsAttention() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    assertThat(tessa.get("/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode dashboard = json(tessa.get("/api/dashboard"));

    assertThat(figure(dashboard, "openCases")).isEqualTo(3);
    assertThat(figure(dashboard, "children")).isEqualTo(6);
    assertThat(figure(dashboard, "Task_HomeVisit")).as("one of two home visits in time").isEqualTo(50.0);
    assertThat(figure(dashboard, "Task_CosignAssessment")).as("two of three assessments in time")
        .isEqualTo(66.7);
    assertThat(figure(dashboard, "escalated")).as("late home visit, late assessment").isEqualTo(2);

    assertThat(rows(dashboard, "fasen")).contains(List.of("Fase 1: verbinden en motiveren", "2"),
        List.of("Raad en kinderrechter", "1"));
    assertThat(rows(dashboard, "caseload")).containsExactly(List.of("jan", "2", "4", "12", "33"));
    assertThat(rows(dashboard, "termijnen")).containsExactly(
        List.of("Veiligheidsbeoordeling binnen 5 werkdagen", "2", "1", "66.7"),
        List.of("Huisbezoek binnen 7 dagen", "1", "1", "50.0"));
    assertThat(column(dashboard, "gemiste-termijnen", 0)).containsExactlyInAnyOrder(late.caseNumber,
        lateAssessment.caseNumber);
    assertThat(column(dashboard, "aandacht", 1)).containsExactlyInAnyOrder("termijn huisbezoek",
        "termijn veiligheidsinschatting", "termijn veiligheidsbeoordeling");
    assertThat(column(dashboard, "aandacht", 0)).containsOnly(late.caseNumber, lateAssessment.caseNumber);
    assertThat(rows(dashboard, "maatregelen")).containsExactly(List.of("ots", "2", "0", "0", "0", "0"));
    assertThat(rows(dashboard, "uithuisplaatsingen")).singleElement()
        .satisfies(row -> assertThat(row).startsWith(onTime.caseNumber, "crisisplaatsing"));
    assertThat(rows(dashboard, "doorlooptijden")).anySatisfy(row ->
        assertThat(row).startsWith("Melding en beoordeling", "3"));
  }

  @Test
  @Order(2)
  void everyTableExportsAsCsvAndTheCbsDeliveryListsEveryChild() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    ResponseEntity<String> csv = tessa.get("/api/dashboard/termijnen.csv");
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(csv.getBody()).startsWith("\uFEFF\"Termijn\";\"Gehaald\";\"Gemist\";\"% gehaald\"")
        .contains("\"Huisbezoek binnen 7 dagen\";1;1;50,0");
    assertThat(tessa.get("/api/dashboard/onbekend.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String cbs = tessa.get("/api/dashboard/cbs/jeugdbescherming.csv?van=2026-01-01&tot=2026-06-30").getBody();
    List<String> lines = cbs.lines().toList();
    assertThat(lines.get(0)).contains("Burgerservicenummer", "Type maatregel", "Reden beeindiging");
    assertThat(lines).hasSize(1 + 4).as("two children in each of the two OTS cases");
    assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).contains(";\"11\";\"20260501\";\"\";\"\";"));
    assertThat(lines.subList(1, 5)).filteredOn(line -> line.startsWith("\"000000000\"")).as("Daan has no BSN")
        .hasSize(2);
    assertThat(lines.subList(1, 5)).filteredOn(line -> line.endsWith("\"20260422\"")).as("first home visit")
        .hasSize(2);
    ResponseEntity<String> wrongPeriod = tessa.get("/api/dashboard/cbs/jeugdbescherming.csv?van=2026-07-01&tot=2026-01-01");
    assertThat(wrongPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> noPeriod = tessa.get("/api/dashboard/cbs/jeugdbescherming.csv?van=2026-13-01&tot=2026-01-01");
    assertThat(json(noPeriod).path("message").asText()).contains("van", "jjjj-mm-dd");
  }

  @Test
  @Order(3)
  void workersSeeNoDashboard() {
    WebappSession jan = WebappSession.login(rest, "jan");
    assertThat(jan.get("/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> data = jan.get("/api/dashboard");
    assertThat(data.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(data).path("message").asText()).contains("teamleider");
    assertThat(jan.get("/api/dashboard/cbs/jeugdbescherming.csv?van=2026-01-01&tot=2026-06-30").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @Order(4)
  void theTeamleiderMovesAllCasesOfAWorkerOnLeaveWithTheirOpenTasks() {
    WebappSession tessa = WebappSession.login(rest, "tessa");
    ResponseEntity<String> refused = tessa.postJson("/api/cases/reassignment", "{\"van\": \"jan\", \"naar\": \"ingrid\"}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(refused).path("message").asText()).contains("geen jeugdbeschermer");
    assertThat(WebappSession.login(rest, "julia").postJson("/api/cases/reassignment",
        "{\"van\": \"jan\", \"naar\": \"joke\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskAssignee("jan").count()).isPositive();

    ResponseEntity<String> moved = tessa.postJson("/api/cases/reassignment", "{\"van\": \"jan\", \"naar\": \"joke\","
        + " \"zaken\": [\"" + onTime.caseNumber + "\", \"" + late.caseNumber + "\", \"" + lateAssessment.caseNumber + "\"]}");
    assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(moved).path("overgedragen").findValuesAsText("zaak"))
        .containsExactlyInAnyOrder(onTime.caseNumber, late.caseNumber);
    assertThat(json(moved).path("overgeslagen").findValuesAsText("zaak")).containsExactly(lateAssessment.caseNumber);
    assertThat(tasks.createTaskQuery().taskAssignee("jan").count()).isZero();
    assertThat(tasks.createTaskQuery().taskAssignee("joke").processInstanceBusinessKey(late.caseNumber).count())
        .isPositive();
    assertThat(rows(json(tessa.get("/api/dashboard")), "caseload")).containsExactly(List.of("joke", "2", "4", "12", "33"));
  }

  private static Object figure(JsonNode dashboard, String id) {
    for (JsonNode figure : dashboard.path("figures")) {
      if (figure.path("id").asText().equals(id)) {
        JsonNode value = figure.path("value");
        return value.isInt() || value.isLong() ? (Object) value.asInt() : value.isNumber() ? value.asDouble() : value.asText();
      }
    }
    throw new AssertionError("no figure " + id);
  }

  private static List<List<String>> rows(JsonNode dashboard, String table) {
    for (JsonNode t : dashboard.path("tables")) {
      if (t.path("id").asText().equals(table)) {
        List<List<String>> rows = new ArrayList<>();
        t.path("rows").forEach(row -> {
          List<String> cells = new ArrayList<>();
          row.forEach(cell -> cells.add(cell.asText()));
          rows.add(cells);
        });
        return rows;
      }
    }
    throw new AssertionError("no table " + table);
  }

  private static List<String> column(JsonNode dashboard, String table, int column) {
    return rows(dashboard, table).stream().map(row -> row.get(column)).toList();
  }
}
