package nl.blijvendveilig.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.blijvendveilig.platform.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on, as Prometheus gauges next to Spring Boot's own ({@code /actuator/prometheus}):
 * open tasks and overdue ones (deadlines missed, in Tasklist), timers overdue (the job executor lags),
 * open incidents (a failing step waits for Cockpit's "Retry") and open cases. Counted at every scrape.
 */
@Component
public class EngineMetrics implements SmartInitializingSingleton {

  private final MeterRegistry registry;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  public EngineMetrics(MeterRegistry registry, TaskService tasks, ManagementService management, RuntimeService runtime,
      JdbcClient jdbc) {
    this.registry = registry;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Gauge.builder("blijvendveilig.tasks.open", () -> tasks.createTaskQuery().count())
        .description("Open user tasks").register(registry);
    Gauge.builder("blijvendveilig.tasks.overdue", () -> tasks.createTaskQuery().dueBefore(EngineClock.now()).count())
        .description("Open user tasks whose due date has passed: deadlines missed").register(registry);
    Gauge.builder("blijvendveilig.timers.overdue", () -> management.createJobQuery().timers()
            .duedateLowerThan(new java.util.Date(EngineClock.now().getTime() - 60_000)).active().count())
        .description("Timers due more than a minute ago and not yet run: the job executor lags").register(registry);
    Gauge.builder("blijvendveilig.incidents.open", () -> runtime.createIncidentQuery().count())
        .description("Open incidents: failed steps waiting for a retry in Cockpit").register(registry);
    Gauge.builder("blijvendveilig.cases.open", () -> jdbc.sql("select count(*) from bv_case where closed_at is null")
            .query(Long.class).single())
        .description("Open cases").register(registry);
  }
}
