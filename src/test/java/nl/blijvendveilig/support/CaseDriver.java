package nl.blijvendveilig.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives one case as its workers would in Tasklist: find the open task by what it is, complete it
 * with what its form sends, move the clock and let the due timers fire.
 */
public final class CaseDriver {

  public static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  public final ProcessInstance root;
  public final String caseNumber;

  private CaseDriver(ProcessEngine engine, ProcessInstance root) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.root = root;
    this.caseNumber = root.getBusinessKey();
  }

  public static CaseDriver start(ProcessEngine engine, Map<String, Object> melding) {
    CaseDriver driver = new CaseDriver(engine,
        engine.getRuntimeService().startProcessInstanceByKey("jeugdbeschermingszaak", melding));
    driver.runAsyncSteps();
    return driver;
  }

  /** A case that was opened elsewhere (a melding registered in Tasklist, say). */
  public static CaseDriver of(ProcessEngine engine, String caseNumber) {
    return new CaseDriver(engine, engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("jeugdbeschermingszaak").singleResult());
  }

  /** Assessment, co-signing and feedback to the reporter, ending in the given route. */
  public CaseDriver assess(String route) {
    complete("Task_AssessSafety", Meldingen.assessment(route));
    complete("Task_CosignAssessment", Meldingen.cosign(true));
    return complete("Task_GiveReporterFeedback", Meldingen.reporterFeedback());
  }

  /** To the court: assessed, Raad asked, started and reporting that a measure is needed. */
  public CaseDriver toCourt() {
    assess("raadsonderzoek");
    complete("Task_RequestRaadInvestigation", Answers.raadRequested());
    complete("Task_RegisterRaadStarted", Answers.raadStarted());
    return complete("Task_RegisterRaadReport", Answers.raadAdvisesMeasure());
  }

  /** An OTS from start to end, the case assigned to this jeugdbeschermer: fase 1 begins. */
  public CaseDriver otsAssignedTo(String jeugdbeschermer, String start, String end) {
    toCourt();
    complete("Task_RegisterDecision", Answers.ots(start, end));
    return complete("Task_AssignJeugdbeschermer", Answers.assign(jeugdbeschermer));
  }

  /** The open task with this definition key in the case or any of its stages. */
  public Task task(String definitionKey) {
    List<Task> open = openTasks(definitionKey);
    assertThat(open).as("open task %s in case %s", definitionKey, caseNumber).hasSize(1);
    return open.get(0);
  }

  public List<Task> openTasks(String definitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(definitionKey).list();
  }

  public List<Task> openTasks() {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
  }

  public CaseDriver complete(String definitionKey, Map<String, Object> variables) {
    tasks.complete(task(definitionKey).getId(), variables);
    runAsyncSteps();
    return this;
  }

  /** Runs the asynchronous steps (plan updates) that are waiting, as the job executor would. */
  public int runAsyncSteps() {
    int ran = 0;
    List<Job> waiting;
    while (!(waiting = asyncJobs()).isEmpty()) {
      for (Job job : waiting) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  private List<Job> asyncJobs() {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).messages().executable()
            .list().stream())
        .toList();
  }

  public CaseDriver complete(String definitionKey, Object... keyValues) {
    return complete(definitionKey, vars(keyValues));
  }

  public Object variable(String name) {
    return runtime.getVariable(root.getId(), name);
  }

  /** A variable of whichever running stage of the case (called process) holds it. */
  public Object stageVariable(String name) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(instance -> runtime.getVariable(instance.getId(), name))
        .filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
  }

  /** A variable of the running stage of the case with this process definition key. */
  public Object variableOf(String processKey, String name) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey(processKey)
        .list().stream().map(instance -> runtime.getVariable(instance.getId(), name)).findFirst().orElse(null);
  }

  public void correlate(String message, Object... keyValues) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).setVariables(vars(keyValues)).correlate();
    runAsyncSteps();
  }

  /** Moves the engine clock and runs every timer of this case that is then due, as the job executor would. */
  public int timePasses(LocalDateTime to) {
    ClockUtil.setCurrentTime(at(to));
    int fired = 0;
    List<Job> due;
    while (!(due = dueTimers()).isEmpty()) {
      for (Job job : due) {
        management.executeJob(job.getId());
        fired++;
      }
      runAsyncSteps();
    }
    return fired;
  }

  public List<Job> dueTimers() {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().executable()
            .list().stream())
        .toList();
  }

  public boolean isEnded() {
    return runtime.createProcessInstanceQuery().processInstanceId(root.getId()).count() == 0;
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      if (value instanceof String s && (s.startsWith("[") || s.startsWith("{"))) {
        value = SpinValues.jsonValue(s).create();
      }
      map.put((String) keyValues[i], value);
    }
    return Variables.fromMap(map);
  }

  public static Date at(LocalDateTime time) {
    return Date.from(time.atZone(NL).toInstant());
  }
}
