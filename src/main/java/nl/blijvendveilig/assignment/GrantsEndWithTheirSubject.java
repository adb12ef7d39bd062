package nl.blijvendveilig.assignment;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Authorizations that outlive what they are about only grow the table every authenticated request
 * reads (Camunda scans the authorizations' group ids for every command): the benchmark found 34
 * left behind per closed case. A finished task loses the history grants the engine gave its
 * assignee and candidate groups (the case's history stays readable through the grants on its
 * process instances, {@link CaseGrants}); a finished stage loses the grants on its runtime instance.
 */
@Component
public class GrantsEndWithTheirSubject implements ModelHooks {

  static final int PAGE = 100;

  @Override
  public void userTask(ModelElement userTask) {
    TaskListener revoke = (DelegateTask task) -> revoke(task.getProcessEngineServices().getAuthorizationService(),
        Resources.HISTORIC_TASK, task.getId());
    userTask.addTaskListener(TaskListener.EVENTNAME_COMPLETE, revoke);
    userTask.addTaskListener(TaskListener.EVENTNAME_DELETE, revoke);
  }

  @Override
  public void process(ModelElement process) {
    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (DelegateExecution execution) -> revoke(
        execution.getProcessEngineServices().getAuthorizationService(), Resources.PROCESS_INSTANCE,
        execution.getProcessInstanceId()));
  }

  static void revoke(AuthorizationService authorizations, Resource resource, String resourceId) {
    AsProcess.run(() -> authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
        .listPage(0, PAGE).forEach(grant -> authorizations.deleteAuthorization(grant.getId())));
  }
}
