package nl.blijvendveilig.familyplan;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two plan updates of one case at once, as two job executor threads or two nodes on one PostgreSQL
 * run them: a contact recorded in fase 1 and the safety plan revised after acute onveiligheid, each an
 * asynchronous job of its own process instance, executed in parallel. The contact's job holds its
 * transaction open after writing its revision until the other job waits on it, so without a lock per
 * case both compute the same revision number every time and one fails on the primary key. Both must
 * land, with consecutive numbers, the second built on the first.
 */
@PostgresIntegrationTest
class ConcurrentPlanUpdateIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  /** Only a bound so that a broken run ends; the test does not measure time. */
  static final long PATIENCE_SECONDS = 60;

  @MockitoSpyBean SafetyScores scores;
  @Autowired PlanRevisions revisions;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    reset(scores);
  }

  @Test
  void twoPlanUpdatesOfOneCaseAtOnceBothLandInTurn() throws Exception {
    LocalDateTime melding = LocalDateTime.of(2026, 4, 22, 10, 0);
    ClockUtil.setCurrentTime(at(melding));
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(melding.plusWeeks(1).plusHours(1));
    zaak.correlate("AcuteOnveiligheid");

    tasks.complete(zaak.task("Task_ReviewSafetyPlanNow").getId(), Answers.safetyPlan());
    tasks.complete(zaak.task("Task_RecordContact").getId(), Answers.contact(6));
    Job contact = planUpdate(zaak, "Task_RecordContactInPlan");
    Job safetyPlan = planUpdate(zaak, "Task_UpdateSafetyPlanAfterAcute");
    List<Revision> before = revisions.all(zaak.caseNumber);

    // the contact's job, its revision written, keeps its transaction open until released
    CountDownLatch contactWritten = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int[] contactBackend = new int[1];
    doAnswer(call -> {
      contactBackend[0] = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
      contactWritten.countDown();
      assertThat(release.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("released").isTrue();
      return call.callRealMethod();
    }).when(scores).record(anyString(), any());

    ExecutorService jobExecutor = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = jobExecutor.submit(() -> management.executeJob(contact.getId()));
      assertThat(contactWritten.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("contact revision written").isTrue();
      Future<?> second = jobExecutor.submit(() -> management.executeJob(safetyPlan.getId()));
      awaitBlockedBy(contactBackend[0], second);
      release.countDown();

      first.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
      second.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      jobExecutor.shutdownNow();
    }

    assertThat(runtime.createIncidentQuery().configuration(contact.getId()).count()).isZero();
    assertThat(runtime.createIncidentQuery().configuration(safetyPlan.getId()).count()).isZero();
    assertThat(management.createJobQuery().jobIds(Set.of(contact.getId(), safetyPlan.getId())).count())
        .as("both plan updates done").isZero();
    List<Revision> after = revisions.all(zaak.caseNumber);
    int last = before.get(before.size() - 1).number();
    assertThat(after).hasSize(before.size() + 2);
    assertThat(after.subList(before.size(), after.size()))
        .extracting(Revision::number, Revision::reason)
        .containsExactly(tuple(last + 1, "Contactmoment: huisbezoek"),
            tuple(last + 2, "Veiligheidsplan bijgewerkt"));
    Revision latest = after.get(after.size() - 1);
    assertThat(latest.content().at("/laatsteVeiligheid/score").asInt()).as("the contact's change is kept").isEqualTo(6);
    assertThat(latest.content().at("/veiligheidsplan/bodemeisen").asText()).isEqualTo("Er wordt niet geslagen.");
    assertThat(scores.series(zaak.caseNumber)).extracting(SafetyScore::revision).contains(last + 1);
  }

  private Job planUpdate(CaseDriver zaak, String activityId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(zaak.caseNumber).list().stream()
        .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .messages().list().stream())
        .reduce((a, b) -> {
          throw new IllegalStateException("two jobs for " + activityId);
        })
        .orElseThrow(() -> new IllegalStateException("no job for " + activityId));
  }

  /** Waits until the other job's database session waits on a lock the first one holds: they truly overlap. */
  private void awaitBlockedBy(int backend, Future<?> other) throws InterruptedException {
    for (long polls = 0; polls < PATIENCE_SECONDS * 10; polls++) {
      assertThat(other.isDone()).as("the second plan update ran without meeting the first").isFalse();
      long waiting = jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
          .param(backend).query(Long.class).single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the second plan update never waited on the first");
  }
}
