package nl.blijvendveilig.familyplan;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.time.LocalDateTime;
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
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A plan update that fails (here: the safety score table refuses the write) rolls back as a whole, is
 * retried by the job executor, becomes an incident in Cockpit when retries run out, and is resolved by
 * retrying it. The worker's completed contact form is never lost.
 */
@PostgresIntegrationTest
class PlanUpdateFailureIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @MockitoSpyBean SafetyScores scores;
  @Autowired PlanRevisions revisions;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFailingPlanUpdateBecomesAnIncidentWithoutAPartialRevisionAndTheFormIsKept() {
    LocalDateTime melding = LocalDateTime.of(2026, 4, 22, 10, 0);
    ClockUtil.setCurrentTime(at(melding));
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.timePasses(melding.plusWeeks(1).plusHours(1));
    int plan = revisions.all(zaak.caseNumber).size();

    doThrow(new IllegalStateException("database tijdelijk onbereikbaar")).when(scores).record(anyString(), any());
    String contactTask = zaak.task("Task_RecordContact").getId();
    tasks.complete(contactTask, Answers.contact(6));

    assertThat(tasks.createTaskQuery().taskId(contactTask).count()).as("the worker's form is in").isZero();
    Job update = management.createJobQuery().processInstanceId(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(zaak.caseNumber)
            .processDefinitionKey("fase-1-verbinden-en-motiveren").singleResult().getId())
        .messages().singleResult();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(update.getId())).hasMessageContaining("onbereikbaar");
    }
    Incident incident = runtime.createIncidentQuery().configuration(update.getId()).singleResult();
    assertThat(incident).as("visible in Cockpit").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_RecordContactInPlan");
    assertThat(revisions.all(zaak.caseNumber)).as("no partial revision").hasSize(plan);
    assertThat(runtime.getVariable(update.getProcessInstanceId(), "veiligheidsscore")).isEqualTo(6L);

    reset(scores);
    management.setJobRetries(update.getId(), 1);
    management.executeJob(update.getId());
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).as("resolved").isZero();
    assertThat(revisions.all(zaak.caseNumber)).hasSize(plan + 1);
    assertThat(scores.series(zaak.caseNumber)).extracting(SafetyScore::score).endsWith(6);
  }
}
