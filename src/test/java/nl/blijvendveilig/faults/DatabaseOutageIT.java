package nl.blijvendveilig.faults;

import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away for a minute mid-run and comes back: meanwhile the application answers errors (quickly,
 * not hanging), afterwards it recovers by itself, and no case or completed task is lost. Runs on a
 * PostgreSQL server of its own, so stopping it disturbs no other test.
 */
@PostgresIntegrationTest
class DatabaseOutageIT {

  static Path dataDirectory;
  static int port;
  static EmbeddedPostgres server;

  @DynamicPropertySource
  static void ownPostgres(DynamicPropertyRegistry registry) throws IOException {
    dataDirectory = Files.createTempDirectory("bv-outage-pg");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = start();
    registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
  }

  /** Keeps its data directory when stopped, so a restart finds the database as it was. */
  static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
        .setRegisterShutdownHook(false).start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void theApplicationAnswersErrorsWhileTheDatabaseIsGoneAndRecoversWithoutLosingWork() throws Exception {
    EngineRestClient intake = new EngineRestClient(rest, "ingrid", "demo");
    String caseNumber = json(intake.postVariables("/process-definition/key/jeugdbeschermingszaak/start",
        Meldingen.notAcute())).path("businessKey").asText();
    JsonNode task = json(intake.get("/task?processInstanceBusinessKey=" + caseNumber)).get(0);
    assertThat(intake.postVariables("/task/" + task.path("id").asText() + "/complete",
        Meldingen.assessment("afsluiten")).getStatusCode().value()).isEqualTo(204);

    server.close();
    Instant down = Instant.now();
    ResponseEntity<String> meanwhile = intake.get("/task?processInstanceBusinessKey=" + caseNumber);
    assertThat(meanwhile.getStatusCode().is5xxServerError() || meanwhile.getStatusCode().value() == 401)
        .as("an error while the database is gone: %s", meanwhile.getStatusCode()).isTrue();
    ResponseEntity<String> startMeanwhile = intake.postVariables(
        "/process-definition/key/jeugdbeschermingszaak/start", Meldingen.notAcute());
    assertThat(startMeanwhile.getStatusCode().is2xxSuccessful()).as("nothing starts without a database").isFalse();
    assertThat(Duration.between(down, Instant.now())).as("answers come quickly").isLessThan(Duration.ofSeconds(30));
    while (Duration.between(down, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0) {
      assertThat(intake.get("/task").getStatusCode().is2xxSuccessful()).as("still down").isFalse();
      Thread.sleep(5_000);
    }

    server = start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    ResponseEntity<String> after;
    do {
      Thread.sleep(500);
      after = intake.get("/task?processInstanceBusinessKey=" + caseNumber);
    } while (!after.getStatusCode().is2xxSuccessful() && Instant.now().isBefore(deadline));
    assertThat(after.getStatusCode().value()).as("recovered by itself").isEqualTo(200);

    assertThat(json(new EngineRestClient(rest, "gerard", "demo").get("/task?processInstanceBusinessKey=" + caseNumber))
        .get(0).path("taskDefinitionKey").asText()).as("the completed assessment was kept").isEqualTo("Task_CosignAssessment");
    assertThat(jdbc.sql("select count(*) from bv_case where case_number = ?").param(caseNumber).query(Long.class)
        .single()).isEqualTo(1L);
  }
}
