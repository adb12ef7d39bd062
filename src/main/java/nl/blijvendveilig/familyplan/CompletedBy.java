package nl.blijvendveilig.familyplan;

import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Remembers, on every completed user task, who completed it and which task it was
 * ({@code voltooidDoor}, {@code voltooideTaak}), so that the plan update that follows, even as an
 * asynchronous job, records the right author and cause; and writes the change to the access log.
 */
@Component
public class CompletedBy extends AbstractProcessEnginePlugin {

  public static final String USER = "voltooidDoor";
  public static final String TASK = "voltooideTaak";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletedBy.this::remember);
        }
      }
    });
  }

  void remember(DelegateTask task) {
    String authenticated = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    String user = authenticated != null ? authenticated : task.getAssignee();
    task.getExecution().setVariable(USER, user);
    task.getExecution().setVariable(TASK, task.getName());
    if (authenticated != null) {
      // NEN 7513: a worker changed case data
      audit.record(authenticated, task.getExecution().getProcessBusinessKey(), AuditLog.Action.WIJZIGEN,
          "taak voltooid: " + task.getName(), "taak");
    }
  }

  private final AuditLog audit;

  public CompletedBy(@Lazy AuditLog audit) {
    this.audit = audit;
  }
}
