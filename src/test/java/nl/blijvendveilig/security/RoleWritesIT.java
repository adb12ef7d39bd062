package nl.blijvendveilig.security;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13, items 3 and 4: least privilege per role and per case. Every message is tried by every role
 * (only the roles of {@link CaseMessages} get past the table); every write endpoint by every role;
 * extra variables on a completion, a start and a message are refused naming them; and the attacks of
 * the issue (the jurist re-routing a case, a worker setting {@code regisseur}) fail.
 */
@PostgresIntegrationTest
class RoleWritesIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  static final List<String> PEOPLE = List.of("ingrid", "jan", "joke", "tessa", "gerard", "julia", "lotte", "pieter");
  static final Map<String, Role> ROLE = Map.of("ingrid", Role.INTAKE, "jan", Role.JEUGDBESCHERMER, "joke",
      Role.JEUGDBESCHERMER, "tessa", Role.TEAMLEIDER, "gerard", Role.GEDRAGSWETENSCHAPPER, "julia", Role.JURIST,
      "lotte", Role.JEUGDTEAM, "pieter", Role.PROCESONTWERPER);
  static final String TABLE_REFUSAL = "mag alleen verstuurd worden door";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  CaseDriver zaak;

  @BeforeEach
  void aCaseInFase1OfJan() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 4, 22, 10, 0)));
    zaak = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Stream<Arguments> everyMessageByEveryone() {
    List<Arguments> rows = new ArrayList<>();
    for (CaseMessages message : CaseMessages.values()) {
      for (String person : PEOPLE) {
        rows.add(Arguments.of(message, person));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("everyMessageByEveryone")
  void aMessageOnlyFromTheRolesThatMaySendIt(CaseMessages message, String person) {
    ResponseEntity<String> sent = as(person).post("/message", """
        {"messageName": "%s", "businessKey": "%s"}""".formatted(message.messageName(), zaak.caseNumber));
    if (message.senders().contains(ROLE.get(person))) {
      assertThat(String.valueOf(sent.getBody())).as("not refused by the table").doesNotContain(TABLE_REFUSAL);
    } else {
      assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(403);
      assertThat(sent.getBody()).contains(TABLE_REFUSAL);
    }
  }

  @Test
  void theJuristCannotReRouteACase() {
    ResponseEntity<String> attack = as("julia").post("/message", """
        {"messageName": "JeugdbeschermerWijzigen", "businessKey": "%s",
         "processVariables": {"nieuweJeugdbeschermer": {"value": "joke"}}}""".formatted(zaak.caseNumber));
    assertThat(attack.getStatusCode().value()).as(attack.getBody()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(zaak.caseNumber)
        .taskAssignee("joke").count()).isZero();
  }

  @Test
  void theJuristActsOnlyOnCasesInACourtStep() {
    // jan's case is in fase 1, no court step: the jurist may not act on it, not even with a message her
    // role may send to a case she is on (the case always listens for AcuteOnveiligheid)
    ResponseEntity<String> notInCourt = as("julia").post("/message", """
        {"messageName": "AcuteOnveiligheid", "businessKey": "%s"}""".formatted(zaak.caseNumber));
    assertThat(notInCourt.getStatusCode().value()).as(notInCourt.getBody()).isEqualTo(403);
    assertThat(String.valueOf(notInCourt.getBody())).doesNotContain(TABLE_REFUSAL);

    CaseDriver inCourt = CaseDriver.start(engine, Meldingen.notAcute()).toCourt();
    ResponseEntity<String> decision = as("julia").post("/message", """
        {"messageName": "Beschikking", "businessKey": "%s", "processVariables": {
          "maatregelUitgesproken": {"value": "ja"}, "maatregelType": {"value": "ots"},
          "maatregelStart": {"value": "2026-05-01"}, "maatregelEinde": {"value": "2027-05-01"},
          "beschikkingKenmerk": {"value": "C/09/1"}}}""".formatted(inCourt.caseNumber));
    assertThat(decision.getStatusCode().is2xxSuccessful()).as(decision.getBody()).isTrue();
    assertThat(inCourt.openTasks("Task_RegisterDecision")).isEmpty();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("jurist")
        .resourceId(inCourt.root.getId()).count()).as("the grant ended with the court step").isZero();
  }

  @Test
  void theTeamleiderReassignsWithTheMessagesVariableOnly() {
    ResponseEntity<String> extra = as("tessa").post("/message", """
        {"messageName": "JeugdbeschermerWijzigen", "businessKey": "%s", "processVariables": {
          "nieuweJeugdbeschermer": {"value": "joke"}, "regisseur": {"value": "tessa"}}}""".formatted(zaak.caseNumber));
    assertThat(extra.getStatusCode().value()).as(extra.getBody()).isEqualTo(400);
    assertThat(extra.getBody()).contains("regisseur");

    ResponseEntity<String> move = as("tessa").post("/message", """
        {"messageName": "JeugdbeschermerWijzigen", "businessKey": "%s", "processVariables": {
          "nieuweJeugdbeschermer": {"value": "joke"}}}""".formatted(zaak.caseNumber));
    assertThat(move.getStatusCode().is2xxSuccessful()).as(move.getBody()).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(zaak.caseNumber)
        .taskAssignee("joke").count()).isPositive();
  }

  @Test
  void theJeugdbeschermerStartsACrisisPlacementForHisOwnCaseOnly() {
    assertThat(as("joke").post("/message", """
        {"messageName": "Crisisplaatsing", "businessKey": "%s"}""".formatted(zaak.caseNumber))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> own = as("jan").post("/message", """
        {"messageName": "Crisisplaatsing", "businessKey": "%s"}""".formatted(zaak.caseNumber));
    assertThat(own.getStatusCode().is2xxSuccessful()).as(own.getBody()).isTrue();
  }

  @Test
  void aCompletionCarryingAVariableItsFormDoesNotDeclareIsRefused() {
    String task = zaak.task("Task_HomeVisit").getId();
    for (String routing : List.of("regisseur", "jeugdbeschermer", "maatregelEinde")) {
      Map<String, Object> answers = new java.util.HashMap<>(Answers.homeVisit());
      answers.put(routing, "joke");
      ResponseEntity<String> completed = as("jan").postVariables("/task/" + task + "/complete", answers);
      assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(400);
      assertThat(completed.getBody()).contains(routing);
      ResponseEntity<String> submitted = as("jan").postVariables("/task/" + task + "/submit-form", answers);
      assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(400);
    }
    assertThat(zaak.task("Task_HomeVisit")).as("nothing completed").isNotNull();
    assertThat(as("jan").postVariables("/task/" + task + "/complete", Answers.homeVisit()).getStatusCode()
        .is2xxSuccessful()).as("the form's own variables are accepted").isTrue();
  }

  @Test
  void aStartCarryingAVariableTheStartFormDoesNotDeclareIsRefused() {
    Map<String, Object> melding = new java.util.HashMap<>(Meldingen.notAcute());
    melding.put("regisseur", "ingrid");
    ResponseEntity<String> started = as("ingrid").postVariables(
        "/process-definition/key/jeugdbeschermingszaak/start", melding);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(400);
    assertThat(started.getBody()).contains("regisseur");
  }

  record Write(String name, HttpMethod method, String path, String body) {
  }

  static Stream<Arguments> everyWriteByEveryone() {
    List<Arguments> rows = new ArrayList<>();
    for (String person : PEOPLE) {
      rows.add(Arguments.of("PUT process-instance variable", person));
      rows.add(Arguments.of("POST process-instance variables", person));
      rows.add(Arguments.of("DELETE process-instance variable", person));
      rows.add(Arguments.of("PUT task variable", person));
      rows.add(Arguments.of("POST task variables", person));
      rows.add(Arguments.of("PUT task local variable", person));
      rows.add(Arguments.of("POST process-instance modification", person));
      rows.add(Arguments.of("PUT process-instance suspended", person));
      rows.add(Arguments.of("PUT job duedate", person));
      rows.add(Arguments.of("POST job execute", person));
      rows.add(Arguments.of("PUT job suspended", person));
      rows.add(Arguments.of("POST task bpmnError", person));
      rows.add(Arguments.of("POST modification execute", person));
      rows.add(Arguments.of("PUT process-instance suspended (bulk)", person));
      rows.add(Arguments.of("POST execution create-incident", person));
      rows.add(Arguments.of("POST history set-removal-time", person));
      rows.add(Arguments.of("PUT process-definition history-time-to-live", person));
      rows.add(Arguments.of("POST migration execute with variables", person));
      rows.add(Arguments.of("DELETE deployment cascade", person));
    }
    return rows.stream();
  }

  Write write(String name) {
    String instance = zaak.root.getId();
    String task = zaak.task("Task_HomeVisit").getId();
    String regisseur = "{\"value\": \"mallory\", \"type\": \"String\"}";
    return switch (name) {
      case "PUT process-instance variable" -> new Write(name, HttpMethod.PUT,
          "/process-instance/" + instance + "/variables/regisseur", regisseur);
      case "POST process-instance variables" -> new Write(name, HttpMethod.POST,
          "/process-instance/" + instance + "/variables", "{\"modifications\": {\"regisseur\": " + regisseur + "}}");
      case "DELETE process-instance variable" -> new Write(name, HttpMethod.DELETE,
          "/process-instance/" + instance + "/variables/regisseur", null);
      case "PUT task variable" -> new Write(name, HttpMethod.PUT, "/task/" + task + "/variables/jeugdbeschermer",
          regisseur);
      case "POST task variables" -> new Write(name, HttpMethod.POST, "/task/" + task + "/variables",
          "{\"modifications\": {\"jeugdbeschermer\": " + regisseur + "}}");
      case "PUT task local variable" -> new Write(name, HttpMethod.PUT, "/task/" + task + "/localVariables/x", regisseur);
      case "POST process-instance modification" -> new Write(name, HttpMethod.POST,
          "/process-instance/" + instance + "/modification",
          "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Event_CaseClosed\"}]}");
      case "PUT process-instance suspended" -> new Write(name, HttpMethod.PUT,
          "/process-instance/" + instance + "/suspended", "{\"suspended\": true}");
      case "PUT job duedate" -> new Write(name, HttpMethod.PUT, "/job/" + homeVisitDeadline() + "/duedate",
          "{\"duedate\": \"2030-01-01T00:00:00.000+0100\"}");
      case "POST job execute" -> new Write(name, HttpMethod.POST, "/job/" + homeVisitDeadline() + "/execute", null);
      case "PUT job suspended" -> new Write(name, HttpMethod.PUT, "/job/" + homeVisitDeadline() + "/suspended",
          "{\"suspended\": true}");
      case "POST task bpmnError" -> new Write(name, HttpMethod.POST, "/task/" + task + "/bpmnError",
          "{\"errorCode\": \"x\", \"variables\": {\"regisseur\": " + regisseur + "}}");
      case "POST modification execute" -> new Write(name, HttpMethod.POST, "/modification/execute",
          "{\"processDefinitionId\": \"" + stage().getProcessDefinitionId() + "\", \"instructions\": [{\"type\": "
              + "\"startBeforeActivity\", \"activityId\": \"Task_HomeVisit\"}], \"processInstanceIds\": [\""
              + stage().getProcessInstanceId() + "\"], \"skipCustomListeners\": true}");
      case "PUT process-instance suspended (bulk)" -> new Write(name, HttpMethod.PUT, "/process-instance/suspended",
          "{\"processInstanceIds\": [\"" + instance + "\"], \"suspended\": true}");
      case "POST execution create-incident" -> new Write(name, HttpMethod.POST,
          "/execution/" + stage().getExecutionId() + "/create-incident", "{\"incidentType\": \"x\", \"message\": \"x\"}");
      case "POST history set-removal-time" -> new Write(name, HttpMethod.POST,
          "/history/process-instance/set-removal-time", "{\"absoluteRemovalTime\": \"2026-01-01T00:00:00.000+0000\","
              + " \"historicProcessInstanceIds\": [\"" + instance + "\"], \"hierarchical\": true}");
      case "PUT process-definition history-time-to-live" -> new Write(name, HttpMethod.PUT,
          "/process-definition/" + stage().getProcessDefinitionId() + "/history-time-to-live", "{\"historyTimeToLive\": 0}");
      case "POST migration execute with variables" -> new Write(name, HttpMethod.POST, "/migration/execute",
          "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + stage().getProcessDefinitionId()
              + "\", \"targetProcessDefinitionId\": \"" + stage().getProcessDefinitionId() + "\", \"instructions\": "
              + "[{\"sourceActivityIds\": [\"Task_HomeVisit\"], \"targetActivityIds\": [\"Task_HomeVisit\"]}], "
              + "\"variables\": {\"regisseur\": " + regisseur + "}}, \"processInstanceIds\": [\""
              + stage().getProcessInstanceId() + "\"]}");
      case "DELETE deployment cascade" -> new Write(name, HttpMethod.DELETE, "/deployment/"
          + engine.getRepositoryService().getProcessDefinition(zaak.root.getProcessDefinitionId()).getDeploymentId()
          + "?cascade=true", null);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The home visit task of fase 1 in jan's case: its stage, definition and execution. */
  org.camunda.bpm.engine.task.Task stage() {
    return zaak.task("Task_HomeVisit");
  }

  /** The timer of the first home visit's deadline in fase 1 of jan's case. */
  String homeVisitDeadline() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(zaak.caseNumber)
        .listPage(0, 20).stream()
        .flatMap(stage -> engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers()
            .listPage(0, 20).stream())
        .findFirst().orElseThrow().getId();
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("everyWriteByEveryone")
  void noPersonWritesCaseDataOutsideTheFormsAndMessages(String name, String person) {
    String regisseurBefore = String.valueOf(engine.getRuntimeService().getVariable(zaak.root.getId(), "regisseur"));
    long historyBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(zaak.caseNumber).count();
    ResponseEntity<String> answer = send(person, "demo", write(name));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(403, 404);
    assertThat(String.valueOf(engine.getRuntimeService().getVariable(zaak.root.getId(), "regisseur")))
        .isEqualTo(regisseurBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(zaak.root.getId())
        .singleResult().isSuspended()).isFalse();
    assertThat(engine.getManagementService().createJobQuery().jobId(homeVisitDeadline()).singleResult().isSuspended())
        .as("the deadline's timer runs").isFalse();
    assertThat(zaak.openTasks("Task_HomeVisit")).as("one home visit, not a second by modification").hasSize(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaak.caseNumber)
        .list()).as("the case's history kept").hasSize((int) historyBefore)
        .allMatch(history -> history.getRemovalTime() == null
            || history.getRemovalTime().toInstant().isAfter(java.time.Instant.parse("2040-01-01T00:00:00Z")));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(stage().getProcessInstanceId())
        .count()).isZero();
  }

  @Test
  void aWorkerClaimsAGroupTaskForHimselfOnlyAndGivesItBack() {
    CaseDriver melding = CaseDriver.start(engine, Meldingen.notAcute());
    String task = melding.task("Task_AssessSafety").getId();
    ResponseEntity<String> forLotte = as("ingrid").post("/task/" + task + "/claim", "{\"userId\": \"lotte\"}");
    assertThat(forLotte.getStatusCode().value()).as(forLotte.getBody()).isEqualTo(403);
    assertThat(as("ingrid").post("/task/" + task + "/claim", "{\"userId\": \"ingrid\"}").getStatusCode().value())
        .isEqualTo(204);
    ResponseEntity<String> back = as("ingrid").post("/task/" + task + "/unclaim", "{}");
    assertThat(back.getStatusCode().value()).as(back.getBody()).isEqualTo(204);
    assertThat(melding.task("Task_AssessSafety").getAssignee()).isNull();
  }

  @Test
  void aClaimWithoutAUserDoesNotTakeAColleaguesTask() {
    CaseDriver melding = CaseDriver.start(engine, Meldingen.notAcute());
    String task = melding.task("Task_AssessSafety").getId();
    engine.getTaskService().setAssignee(task, "tessa");
    ResponseEntity<String> taken = as("ingrid").post("/task/" + task + "/claim", "{\"userId\": null}");
    assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(403);
    assertThat(melding.task("Task_AssessSafety").getAssignee()).isEqualTo("tessa");
  }

  @Test
  void theProcesontwerperMigratesEachStepToItselfOnly() {
    String definition = stage().getProcessDefinitionId();
    ResponseEntity<String> jump = as("pieter").post("/migration/execute", """
        {"migrationPlan": {"sourceProcessDefinitionId": "%1$s", "targetProcessDefinitionId": "%1$s",
          "instructions": [{"sourceActivityIds": ["Task_HomeVisit"], "targetActivityIds": ["Task_EstimateSafety"]}]},
         "processInstanceIds": ["%2$s"]}""".formatted(definition, stage().getProcessInstanceId()));
    assertThat(jump.getStatusCode().value()).as(jump.getBody()).isEqualTo(403);
    assertThat(zaak.openTasks("Task_HomeVisit")).hasSize(1);
  }

  @Test
  void aCommentStaysInTheCaseOfItsTask() {
    CaseDriver other = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("joke", "2026-05-01", "2027-05-01");
    String task = stage().getId();
    engine.getIdentityService().setAuthentication("jan", List.of("jeugdbeschermer"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().createComment(task, other.root.getId(), "x"))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      engine.getTaskService().createComment(task, null, "Moeder belde terug.");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().getProcessInstanceComments(other.root.getId())).isEmpty();
    assertThat(engine.getTaskService().getTaskComments(task)).hasSize(1);
  }


  @Test
  void aWorkerWorksOnHisTaskButCannotHandItOnOrMoveItsDueDate() {
    String task = zaak.task("Task_HomeVisit").getId();
    ResponseEntity<String> handOn = as("jan").post("/task/" + task + "/assignee", "{\"userId\": \"joke\"}");
    assertThat(handOn.getStatusCode().value()).as(handOn.getBody()).isEqualTo(403);
    ResponseEntity<String> later = send("jan", "demo", new Write("update", HttpMethod.PUT, "/task/" + task,
        "{\"name\": \"Huisbezoek afleggen\", \"assignee\": \"jan\", \"due\": \"2030-01-01T00:00:00.000+0100\"}"));
    assertThat(later.getStatusCode().value()).as(later.getBody()).isEqualTo(403);
    assertThat(zaak.task("Task_HomeVisit").getAssignee()).isEqualTo("jan");

    assertThat(as("tessa").post("/task/" + task + "/assignee", "{\"userId\": \"joke\"}").getStatusCode().value())
        .as("the teamleider reassigns").isEqualTo(204);
  }

  @Test
  void aRefusedChangeIsInTheAccessLogWithTheCaseItWasAimedAt() {
    assertThat(send("jan", "demo", write("PUT process-instance variable")).getStatusCode().value()).isEqualTo(403);
    assertThat(as("julia").post("/message", """
        {"messageName": "JeugdbeschermerWijzigen", "businessKey": "%s",
         "processVariables": {"nieuweJeugdbeschermer": {"value": "joke"}}}""".formatted(zaak.caseNumber))
        .getStatusCode().value()).isEqualTo(403);
    for (String person : List.of("jan", "julia")) {
      assertThat(jdbc.sql("select count(*) from bv_audit where user_id = ? and case_number = ? and what like 'geweigerd%'")
          .params(person, zaak.caseNumber).query(Long.class).single()).as(person + "'s refusal, with the case").isPositive();
    }
  }

  @Test
  void aWorkerAsksOnlyHisOwnGroups() {
    assertThat(as("joke").get("/group?member=jan&firstResult=0&maxResults=10").getStatusCode().value()).isEqualTo(403);
    assertThat(as("joke").get("/group?member=joke&firstResult=0&maxResults=10").getStatusCode().value()).isEqualTo(200);
    assertThat(as("tessa").get("/group?member=jan&firstResult=0&maxResults=10").getStatusCode().value())
        .as("the teamleider picks jeugdbeschermers").isEqualTo(200);
  }

  @Test
  void theBeheerderRepairsACase() {
    ResponseEntity<String> answer = send("beheerder", "demo", write("PUT task local variable"));
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
  }

  private ResponseEntity<String> send(String user, String password, Write write) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange("/engine-rest" + write.path(), write.method(), new HttpEntity<>(write.body(), headers),
        String.class);
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest, user, "demo");
  }
}
