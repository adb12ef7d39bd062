package nl.blijvendveilig.familyplan;

import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Remembers, on every completed user task, who completed it and which task it was
 * ({@code voltooidDoor}, {@code voltooideTaak}), so that the plan update that follows, even as an
 * asynchronous job, records the right author and cause; and writes the change to the access log.
 */
@Component
public class CompletedBy implements ModelHooks {

  public static final String USER = "voltooidDoor";
  public static final String TASK = "voltooideTaak";

  @Override
  public void userTask(ModelElement userTask) {
    userTask.addTaskListener(TaskListener.EVENTNAME_COMPLETE, this::remember);
  }

  void remember(DelegateTask task) {
    String authenticated = CurrentUser.inCommand();
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
