package nl.blijvendveilig.tasklist;

import java.util.List;
import nl.blijvendveilig.casefile.CasePhases;
import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ParseListeners;
import nl.blijvendveilig.familyplan.PlanPrefill;
import nl.blijvendveilig.formdata.FormSchemas;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
public class TaskFormContext extends AbstractProcessEnginePlugin {

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
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formRef != null && !formRef.isBlank()
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          // a task "at any moment" (an event subprocess) belongs to whatever phase the case is in
          boolean anyMoment = scope instanceof ActivityImpl subProcess && subProcess.isTriggeredByEvent();
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              task -> onCreate(task, formRef, anyMoment));
        }
      }
    });
  }

  void onCreate(DelegateTask task, String formRef, boolean anyMoment) {
    task.setVariableLocal(PHASE, phase(task, anyMoment));
    // the task list shows them on every task, to whoever may see the task (the case itself may be out of sight)
    for (String shown : List.of(CASE_NUMBER, FAMILY)) {
      task.setVariableLocal(shown, task.getVariable(shown));
    }
    String deploymentId = ((TaskEntity) task).getProcessDefinition().getDeploymentId();
    prefill.fill(task, formRef, schemas.variables(formRef, deploymentId));
  }

  /**
   * The stage the task is in; for a task of the case process itself, the measure once the court
   * imposed one, else intake. Only a task at any moment asks which stages run: a stage that ends in
   * this very transaction still looks running to a query.
   */
  private String phase(DelegateTask task, boolean anyMoment) {
    String stage = CasePhases.ofStage(((TaskEntity) task).getProcessDefinition().getKey());
    if (stage != null) {
      return stage;
    }
    if (anyMoment) {
      return AsProcess.run(() -> phases.of(task.getExecution().getProcessBusinessKey()));
    }
    return "ja".equals(task.getVariable("maatregelUitgesproken")) ? CasePhases.MEASURE : CasePhases.INTAKE;
  }
}
