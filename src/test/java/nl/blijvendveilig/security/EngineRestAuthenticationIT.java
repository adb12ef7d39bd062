package nl.blijvendveilig.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The REST API refuses anonymous callers and wrong passwords; roles get only their own access. */
@PostgresIntegrationTest
class EngineRestAuthenticationIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void withoutCredentialsTheAnswerIs401() {
    assertThat(new EngineRestClient(rest, null, null).get("/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(new EngineRestClient(rest, null, null).get("/process-definition").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void withAWrongPasswordTheAnswerIs401() {
    // a user of its own: after a failed login Camunda delays that user's next attempts
    assertThat(new EngineRestClient(rest, "julia", "wrong").get("/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void withTheRightPasswordTheCallGoesThrough() {
    assertThat(new EngineRestClient(rest, "ingrid", "demo").get("/task").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void authorizationsAreEnforced() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    // only intake may register a melding
    var jeugdbeschermer = new EngineRestClient(rest, "jan", "demo");
    assertThat(jeugdbeschermer.post("/process-definition/key/jeugdbeschermingszaak/start", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void eachRoleReachesExactlyTheWebappsItNeeds() {
    var authorizations = engine.getAuthorizationService();
    assertThat(authorizations.isUserAuthorized("ingrid", java.util.List.of("intake"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("ingrid", java.util.List.of("intake"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("tessa", java.util.List.of("teamleider"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("tessa", java.util.List.of("teamleider"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("pieter", java.util.List.of("procesontwerper"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isFalse();
  }
}
