package nl.blijvendveilig.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.blijvendveilig.BlijvendVeiligApplication;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Camunda 7.24.0's two enterprise-only holes are closed (expressions in queries:
 * {@code platform.QueryExpressionAttackIT}), and its unsafe defaults changed: each attack is attempted
 * and fails.
 */
@PostgresIntegrationTest
class SecurityHardeningIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void theAdminSetUpCannotCreateAnAdministrator() {
    ResponseEntity<String> attempt = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
        json("{\"profile\": {\"id\": \"mallory\", \"firstName\": \"M\", \"lastName\": \"M\", \"email\": \"m@x.nl\"},"
            + " \"credentials\": {\"password\": \"Mallory-2026!\"}}"), String.class);
    assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getIdentityService().createUserQuery().userId("mallory").count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count())
        .as("the configured beheerder is a direct member").isPositive();
  }

  @Test
  void camundasUnsafeDefaultsAreChanged() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.getLoginMaxAttempts()).as("no account lockout: LoginThrottle slows guessing per source")
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration.getLoginDelayMaxTime()).as("no per-user delay either").isZero();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");

    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=63072000");
    assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    ResponseEntity<String> adhoc = new EngineRestClient(rest, "ingrid", "demo").post("/task?firstResult=0&maxResults=15",
        "{\"assigneeExpression\": \"${currentUser()}\"}");
    assertThat(adhoc.getStatusCode()).as("expressions in ad-hoc queries stay disabled").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(adhoc.getBody()).contains("Expressions are forbidden");

    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(1000);
    HttpHeaders ingrid = new HttpHeaders();
    ingrid.setBasicAuth("ingrid", "demo");
    ResponseEntity<String> unbounded = rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(ingrid),
        String.class);
    assertThat(unbounded.getStatusCode()).as("no unbounded lists").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("unbound");
    assertThat(new EngineRestClient(rest, "ingrid", "demo").get("/task?firstResult=0&maxResults=1001").getStatusCode())
        .as("no page above the limit").isEqualTo(HttpStatus.BAD_REQUEST);

  }

  @Test
  void productionSendsTheSessionCookieOnlyOverHttpsAndAppliesThePasswordPolicy() throws Exception {
    var production = new org.springframework.boot.env.YamlPropertySourceLoader()
        .load("postgres", new org.springframework.core.io.ClassPathResource("application-postgres.yaml")).get(0);
    assertThat(production.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo(true);
    assertThat(production.getProperty("camunda.bpm.generic-properties.properties.enable-password-policy"))
        .isEqualTo(true);
  }

  @Test
  void outsideTheDemoTheApplicationRefusesToStartWithADefaultPassword() {
    var postgres = EmbeddedPostgresDatabase.server();
    assertThatThrownBy(() -> new SpringApplicationBuilder(BlijvendVeiligApplication.class)
        .profiles("postgres")
        .properties("DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "DB_USER=postgres",
            "DB_PASSWORD=postgres", "ADMIN_USER=beheerder2", "ADMIN_PASSWORD=demo", "server.port=0")
        .run().close())
        .hasStackTraceContaining("default password");
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return new HttpEntity<>(body, headers);
  }
}
