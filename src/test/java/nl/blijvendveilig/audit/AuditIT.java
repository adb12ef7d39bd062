package nl.blijvendveilig.audit;

import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** NEN 7513: every read and change of case data by a user lands in the append-only access log. */
@PostgresIntegrationTest
class AuditIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void readsAndChangesByUsersAreLoggedAndOnlyTheBeheerderReadsTheLog() {
    EngineRestClient intake = new EngineRestClient(rest, "ingrid", "demo");
    String caseNumber = json(intake.postVariables("/process-definition/key/jeugdbeschermingszaak/start",
        Meldingen.notAcute())).path("businessKey").asText();
    JsonNode task = json(intake.get("/task?processInstanceBusinessKey=" + caseNumber)).get(0);
    intake.postVariables("/task/" + task.path("id").asText() + "/complete", Meldingen.assessment("afsluiten"));
    get("tessa", "/api/cases/" + caseNumber);
    get("joke", "/api/cases/" + caseNumber);

    JsonNode log = json(get("beheerder", "/api/audit?caseNumber=" + caseNumber));
    List<String> lines = new java.util.ArrayList<>();
    log.forEach(e -> lines.add(e.path("userId").asText() + " " + e.path("action").asText() + " "
        + e.path("channel").asText() + " " + e.path("what").asText()));
    assertThat(lines).anyMatch(l -> l.startsWith("ingrid WIJZIGEN taak taak voltooid: Veiligheid beoordelen"));
    assertThat(lines).anyMatch(l -> l.startsWith("ingrid LEZEN rest GET /engine-rest/task"));
    assertThat(lines).anyMatch(l -> l.startsWith("tessa LEZEN api GET /api/cases/" + caseNumber));
    assertThat(lines).anyMatch(l -> l.startsWith("joke LEZEN api geweigerd"));

    assertThat(get("tessa", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThatThrownBy(() -> jdbc.sql("delete from bv_audit").update()).hasMessageContaining("append-only");
  }

  private ResponseEntity<String> get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
