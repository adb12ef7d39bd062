package nl.blijvendveilig.tasklist;

import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.casefile.CasePhases;
import nl.blijvendveilig.engine.AsProcess;
import nl.blijvendveilig.familyplan.PlanPrefill;
import nl.blijvendveilig.formdata.FormSchemas;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
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
 * (process variables), the phase the task belongs to ({@code zaakfase}, a variable of the task only,
 * never submitted) and a link to the case page; and the fields filled before, from the gezinsplan
 * ({@link PlanPrefill}). The header is the first text of every form: {@code ModelConventionsTest}
 * checks it.
 */
@Component
public class TaskFormContext extends AbstractProcessEnginePlugin {

  public static final String PHASE = "zaakfase";
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
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formRef != null && !formRef.isBlank()
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              task -> onCreate(task, formRef));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void onCreate(DelegateTask task, String formRef) {
    task.setVariableLocal(PHASE, phase(task));
    String deploymentId = ((TaskEntity) task).getProcessDefinition().getDeploymentId();
    prefill.fill(task, schemas.variables(formRef, deploymentId));
  }

  private String phase(DelegateTask task) {
    String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
    String stage = CasePhases.ofStage(processKey);
    if (stage != null) {
      return stage;
    }
    String current = AsProcess.run(() -> phases.of(task.getExecution().getProcessBusinessKey()));
    return CasePhases.INTAKE.equals(current) && "ja".equals(task.getVariable("maatregelUitgesproken"))
        ? CasePhases.MEASURE : current;
  }
}
