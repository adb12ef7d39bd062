package nl.blijvendveilig.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health for the load balancer, Prometheus metrics for the beheerder only (tests export no metrics unless asked). */
@PostgresIntegrationTest
@AutoConfigureObservability(tracing = false)
class MetricsIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void healthIsOpenAndTellsNoDetails() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details");
  }

  @Test
  void prometheusMetricsCountOpenAndOverdueWorkForTheBeheerderOnly() {
    CaseDriver.start(engine, Meldingen.acute());
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("jan", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> metrics = rest.withBasicAuth("beheerder", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("blijvendveilig_tasks_open ", "blijvendveilig_tasks_overdue ",
        "blijvendveilig_timers_overdue ", "blijvendveilig_incidents_open ", "blijvendveilig_cases_open ",
        "jvm_memory_used_bytes");
    double open = metrics.getBody().lines().filter(line -> line.startsWith("blijvendveilig_tasks_open "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElseThrow();
    assertThat(open).isGreaterThanOrEqualTo(1);
  }
}
