package nl.blijvendveilig.tasklist;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.ProcessTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a worker sees in Tasklist: the header data of every task form (case, family, phase), fields
 * filled from the gezinsplan, acute tasks on top, and the filters each role starts from, read as
 * Tasklist reads them (the task's form variables; a filter listed as the logged-in user).
 */
@ProcessTest
class TaskFormContextProcessTest {

  static final LocalDateTime MELDING = LocalDateTime.of(2026, 4, 22, 10, 0);

  @Autowired ProcessEngine engine;
  @Autowired FormService forms;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(at(MELDING));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void everyTaskFormShowsTheCaseTheFamilyAndThePhase() {
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    VariableMap assessment = forms.getTaskFormVariables(zaak.task("Task_AssessSafety").getId());
    assertThat(assessment.getValue("zaaknummer", String.class)).isEqualTo(zaak.caseNumber);
    assertThat(assessment.getValue("gezinsnaam", String.class)).isEqualTo("De Vries");
    assertThat(assessment.getValue(TaskFormContext.PHASE, String.class)).isEqualTo("Melding en beoordeling");

    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    VariableMap homeVisit = forms.getTaskFormVariables(zaak.task("Task_HomeVisit").getId());
    assertThat(homeVisit.getValue(TaskFormContext.PHASE, String.class)).isEqualTo("Fase 1: verbinden en motiveren");
    assertThat(homeVisit.getValue("zaaknummer", String.class)).isEqualTo(zaak.caseNumber);
  }

  @Test
  void theSafetyPlanUnderReviewShowsTheCurrentBodemeisenFromThePlan() {
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    zaak.complete("Task_HomeVisit", Answers.homeVisit());
    zaak.complete("Task_EstimateSafety", Answers.safetyEstimate(6));
    zaak.complete("Task_DraftSafetyPlan", Answers.safetyPlan());

    zaak.correlate("AcuteOnveiligheid");
    Task review = zaak.task("Task_ReviewSafetyPlanNow");
    VariableMap shown = forms.getTaskFormVariables(review.getId());
    assertThat(shown.getValue("bodemeisen", String.class)).isEqualTo("Er wordt niet geslagen.");
    assertThat(shown.getValue("veiligheidsafspraken", String.class)).isEqualTo("Oma komt elke avond langs.");
    assertThat(shown.get("vertrouwenspersonen").toString()).contains("Juf Ans");
    assertThat(shown.getValue(TaskFormContext.PHASE, String.class)).isEqualTo("Fase 1: verbinden en motiveren");

    // the worker submits the reviewed plan: it lands in the case, not in the task
    var revised = Answers.safetyPlan();
    revised.put("bodemeisen", "Er wordt niet geslagen en niet gedreigd.");
    zaak.complete("Task_ReviewSafetyPlanNow", revised);
    assertThat(zaak.variable("bodemeisen")).isEqualTo("Er wordt niet geslagen en niet gedreigd.");
  }

  @Test
  void acuteCasesComeFirstInTheirOwnFilterAndOverdueTasksInTheirs() {
    CaseDriver acute = CaseDriver.start(engine, Meldingen.acute());
    CaseDriver calm = CaseDriver.start(engine, Meldingen.notAcute());
    assertThat(acute.task("Task_SecureChild").getPriority()).isEqualTo(TasklistFilters.ACUTE);
    assertThat(calm.task("Task_AssessSafety").getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
    CaseDriver secured = CaseDriver.start(engine, Meldingen.acute()).complete("Task_SecureChild", Meldingen.childSecured());
    assertThat(secured.task("Task_AssessSafety").getPriority()).as("an acute case is assessed first")
        .isEqualTo(TasklistFilters.ACUTE);

    identity.setAuthentication("ingrid", List.of("intake"));
    assertThat(caseNumbers("Acuut")).contains(acute.caseNumber).doesNotContain(calm.caseNumber);
    assertThat(caseNumbers("Verlopen deadlines")).doesNotContain(acute.caseNumber, calm.caseNumber);

    identity.clearAuthentication();
    ClockUtil.setCurrentTime(at(MELDING.plusDays(2)));
    identity.setAuthentication("ingrid", List.of("intake"));
    assertThat(caseNumbers("Verlopen deadlines")).contains(acute.caseNumber).doesNotContain(calm.caseNumber);
    assertThat(caseNumbers("Taken van mijn team")).contains(acute.caseNumber, calm.caseNumber);
  }

  @Test
  void aJeugdbeschermerSeesOnlyTheirOwnCasesInEveryFilter() {
    CaseDriver jans = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    CaseDriver jokes = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("joke", "2026-05-01", "2027-05-01");

    identity.setAuthentication("jan", List.of("jeugdbeschermer"));
    assertThat(caseNumbers("Mijn taken")).contains(jans.caseNumber).doesNotContain(jokes.caseNumber);
    assertThat(caseNumbers("Taken van mijn team")).contains(jans.caseNumber).doesNotContain(jokes.caseNumber);

    identity.setAuthentication("tessa", List.of("teamleider"));
    assertThat(caseNumbers("Taken van mijn team")).contains(jans.caseNumber, jokes.caseNumber);
    assertThat(caseNumbers("Mijn taken")).doesNotContain(jans.caseNumber, jokes.caseNumber);
  }

  @Test
  void everyRoleThatWorksInTasklistHasTheFourFiltersSortedByDueDate() {
    for (String name : List.of("Mijn taken", "Taken van mijn team", "Verlopen deadlines", "Acuut")) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(filter.getId())
          .groupIdIn("intake", "jeugdbeschermer", "teamleider", "gedragswetenschapper", "jurist", "jeugdteam").count())
          .as(name).isEqualTo(6);
    }
    assertThat(filters.createFilterQuery().filterName("Taken van mijn groepen").count()).isZero();
  }

  private List<String> caseNumbers(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    List<Task> listed = filters.listPage(filter.getId(), 0, 1000);
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return listed.stream().map(task -> engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
