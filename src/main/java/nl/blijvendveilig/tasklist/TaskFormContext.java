package nl.blijvendveilig.tasklist;

import java.util.List;
import nl.blijvendveilig.casefile.CasePhases;
import nl.blijvendveilig.familyplan.PlanPrefill;
import nl.blijvendveilig.formdata.FormSchemas;
import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.DelegateTasks;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a worker sees on top of every task form, without wiring per task: the case number and family
 * and the phase the task belongs to ({@code zaakfase}), as variables of the task itself (never
 * submitted, and readable by whoever may see the task, as Tasklist's list shows them), a link to the
 * case page; and the fields filled before, from the gezinsplan
 * ({@link PlanPrefill}). The header is the first text of every form: {@code ModelConventionsTest}
 * checks it.
 */
@Component
public class TaskFormContext implements ModelHooks {

  public static final String PHASE = "zaakfase";
  public static final String CASE_NUMBER = "zaaknummer";
  public static final String FAMILY = "gezinsnaam";
  public static final String HEADER = "**Zaak {{zaaknummer}}** · gezin {{gezinsnaam}} · {{zaakfase}} · "
      + "[Zaakpagina openen](/cases/{{zaaknummer}})";

  private final CasePhases phases;
  private final PlanPrefill prefill;
  private final FormSchemas schemas;

  public TaskFormContext(@Lazy CasePhases phases, @Lazy PlanPrefill prefill, @Lazy FormSchemas schemas) {
    this.phases = phases;
    this.prefill = prefill;
    this.schemas = schemas;
  }

  @Override
  public void userTask(ModelElement userTask) {
    String formRef = userTask.formRef();
    if (formRef != null) {
      // a task "at any moment" (an event subprocess) belongs to whatever phase the case is in
      boolean anyMoment = userTask.inEventSubProcess();
      userTask.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> onCreate(task, formRef, anyMoment));
    }
  }

  void onCreate(DelegateTask task, String formRef, boolean anyMoment) {
    task.setVariableLocal(PHASE, phase(task, anyMoment));
    // the task list shows them on every task, to whoever may see the task (the case itself may be out of sight)
    for (String shown : List.of(CASE_NUMBER, FAMILY)) {
      task.setVariableLocal(shown, task.getVariable(shown));
    }
    String deploymentId = DelegateTasks.deploymentId(task);
    prefill.fill(task, formRef, schemas.variables(formRef, deploymentId));
  }

  /**
   * The stage the task is in; for a task of the case process itself, the measure once the court
   * imposed one, else intake. Only a task at any moment asks which stages run: a stage that ends in
   * this very transaction still looks running to a query.
   */
  private String phase(DelegateTask task, boolean anyMoment) {
    String stage = CasePhases.ofStage(DelegateTasks.processDefinitionKey(task));
    if (stage != null) {
      return stage;
    }
    if (anyMoment) {
      return AsProcess.run(() -> phases.of(task.getExecution().getProcessBusinessKey()));
    }
    return "ja".equals(task.getVariable("maatregelUitgesproken")) ? CasePhases.MEASURE : CasePhases.INTAKE;
  }
}
