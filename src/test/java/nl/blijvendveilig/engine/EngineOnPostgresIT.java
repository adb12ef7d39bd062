package nl.blijvendveilig.engine;

import static org.assertj.core.api.Assertions.assertThat;

import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the project changes in the engine's own database on PostgreSQL, as the benchmark measured it:
 * the indexes Camunda's schema lacks for this workload, and full history without a row per variable
 * change.
 */
@PostgresIntegrationTest
class EngineOnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void theEngineTablesHaveTheProjectsIndexesAndNoVariableDetails() {
    assertThat(jdbc.sql("select indexname from pg_indexes where indexname like 'bv_idx_%'").query(String.class).list())
        .containsExactlyInAnyOrder("bv_idx_task_unassigned_due", "bv_idx_job_duedate", "bv_idx_auth_user");

    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute()).assess("raadsonderzoek");
    assertThat(jdbc.sql("select count(*) from act_hi_varinst where root_proc_inst_id_ = ?").param(zaak.root.getId())
        .query(Long.class).single()).as("the last value of each variable is kept").isPositive();
    assertThat(jdbc.sql("select count(*) from act_hi_detail").query(Long.class).single())
        .as("no row per variable change").isZero();
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
  }
}
