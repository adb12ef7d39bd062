package nl.blijvendveilig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import nl.blijvendveilig.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * Issue 13, item 1: an expression a user sends with a task query runs nothing, whatever the channel
 * (engine REST, the webapps' REST, a saved filter), the encoding (a JSON escape in the key, UTF-16) or
 * where it hides ({@code orQueries}, a filter's extending or stored query). Each attack would set a
 * system property (reflection to {@code System.setProperty}, the same path as {@code Runtime.exec}) or
 * delete a user through the engine's bean; the test asserts that neither happened.
 */
@PostgresIntegrationTest
class QueryExpressionAttackIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  static final String MARK = "bv.attack";
  static final String CODE = "${''.getClass().forName('java.lang.System').getMethod('setProperty', ''.getClass(),"
      + " ''.getClass()).invoke(null, '" + MARK + "', 'ran')}";
  static final String BEAN = "${identityService.deleteUser('gerard')}";
  /** "orQueries" with a JSON escape in the key: the old byte filter never saw the word. */
  static final String ESCAPED_KEY = "or\\u0051ueries";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @AfterEach
  void nothingRan() {
    assertThat(System.clearProperty(MARK)).as("the attacker's code ran").isNull();
    assertThat(engine.getIdentityService().createUserQuery().userId("gerard").count()).as("gerard deleted").isEqualTo(1);
  }

  static String orQuery(String key, String field, String expression) {
    return "{\"" + key + "\": [{\"" + field + "\": \"" + expression + "\"}]}";
  }

  @Test
  void engineRestWithAnEscapedKey() {
    EngineRestClient intake = new EngineRestClient(rest, "ingrid", "demo");
    for (String expression : List.of(CODE, BEAN)) {
      ResponseEntity<String> list = intake.post("/task?firstResult=0&maxResults=15",
          orQuery(ESCAPED_KEY, "assigneeExpression", expression));
      assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(400);
      assertThat(list.getBody()).contains("toegestaan");
      assertThat(intake.post("/task/count", orQuery(ESCAPED_KEY, "candidateUserExpression", expression))
          .getStatusCode().value()).isEqualTo(400);
    }
  }

  @Test
  void engineRestInUtf16() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("ingrid", "demo");
    headers.setContentType(new MediaType("application", "json", StandardCharsets.UTF_16));
    byte[] body = orQuery("orQueries", "assigneeExpression", CODE).getBytes(StandardCharsets.UTF_16);
    ResponseEntity<String> list = rest.exchange("/engine-rest/task?firstResult=0&maxResults=15", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
    assertThat(list.getStatusCode().is2xxSuccessful()).as(list.getBody()).isFalse();
  }

  @Test
  void aSavedFiltersExtendingQuery() {
    EngineRestClient intake = new EngineRestClient(rest, "ingrid", "demo");
    String filterId = EngineRestClient.json(intake.get("/filter?firstResult=0&maxResults=1")).get(0).path("id").asText();
    ResponseEntity<String> list = intake.post("/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        orQuery(ESCAPED_KEY, "assigneeExpression", CODE));
    assertThat(list.getStatusCode().is2xxSuccessful()).as(list.getBody()).isFalse();
    assertThat(intake.post("/filter/" + filterId + "/count", orQuery(ESCAPED_KEY, "assigneeExpression", BEAN))
        .getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void aStoredFilterQueryRunsOnlyTasklistsExpressions() {
    // stored queries may hold expressions (Tasklist's own "Mijn taken" is ${currentUser()}): a harmful
    // one saved by whoever may create filters still runs nothing when a worker opens the filter
    Filter filter = engine.getFilterService().newTaskFilter("aanval");
    filter.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(BEAN));
    engine.getFilterService().saveFilter(filter);
    try {
      ResponseEntity<String> list = new EngineRestClient(rest, "beheerder", "demo")
          .post("/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15", "{}");
      assertThat(list.getStatusCode().is2xxSuccessful()).as(list.getBody()).isFalse();
    } finally {
      engine.getFilterService().deleteFilter(filter.getId());
    }
  }

  @Test
  void theWebappsOwnRest() {
    WebappSession tasklist = WebappSession.login(rest, "ingrid");
    ResponseEntity<String> list = tasklist.postJsonWithToken("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15",
        orQuery(ESCAPED_KEY, "assigneeExpression", CODE));
    assertThat(list.getStatusCode().is2xxSuccessful()).as(list.getBody()).isFalse();
    assertThat(list.getStatusCode().value()).as("past the CSRF check, refused by the engine").isNotEqualTo(403);
  }

  @Test
  void whatTasklistItselfSendsStillWorks() {
    EngineRestClient intake = new EngineRestClient(rest, "ingrid", "demo");
    assertThat(intake.post("/task?firstResult=0&maxResults=15", orQuery("orQueries", "assignee", "jan"))
        .getStatusCode().value()).isEqualTo(200);
    EngineRestClient.json(intake.get("/filter?firstResult=0&maxResults=10")).forEach(filter ->
        assertThat(intake.post("/filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=15", "{}")
            .getStatusCode().value()).as(filter.path("name").asText()).isEqualTo(200));
    WebappSession tasklist = WebappSession.login(rest, "ingrid");
    ResponseEntity<String> webapps = tasklist.postJsonWithToken(
        "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", orQuery("orQueries", "assignee", "jan"));
    assertThat(webapps.getStatusCode().value()).as(webapps.getHeaders() + " " + webapps.getBody()).isEqualTo(200);
  }
}
