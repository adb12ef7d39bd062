package nl.blijvendveilig.assignment;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import nl.blijvendveilig.security.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The jurist acts on a case only while it is in a court step: while one of her tasks (the Raad, a
 * beschikking to register) is open in a process instance, the jurist group may update that instance,
 * which is what sending the Raad's and the court's messages to it takes ({@code CaseMessages}). The
 * grant ends with the last such task of that instance (or with the instance).
 */
@Component
public class CourtStepGrants implements ModelHooks {

  static final String JURIST = Role.JURIST.groupId();
  static final int PAGE = 100;

  @Override
  public void userTask(ModelElement userTask) {
    if (userTask.candidateGroups().contains(JURIST)) {
      userTask.addTaskListener(TaskListener.EVENTNAME_CREATE, CourtStepGrants::open);
      userTask.addTaskListener(TaskListener.EVENTNAME_COMPLETE, CourtStepGrants::close);
      userTask.addTaskListener(TaskListener.EVENTNAME_DELETE, CourtStepGrants::close);
    }
  }

  static void open(DelegateTask task) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    AsProcess.run(() -> {
      if (authorizations.createAuthorizationQuery().groupIdIn(JURIST).resourceType(Resources.PROCESS_INSTANCE)
          .resourceId(task.getProcessInstanceId()).count() == 0) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(JURIST);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(task.getProcessInstanceId());
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(grant);
      }
    });
  }

  /**
   * Whether the case is still in a court step is known when the transaction has committed: the next
   * step may be another of the jurist's tasks, created in the same transaction. The grant is revoked
   * then, in a transaction of its own, if no task of the jurist is open in the instance.
   */
  static void close(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    AsProcess.afterCommit(engine -> {
      if (engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(JURIST)
          .count() == 0) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations.createAuthorizationQuery().groupIdIn(JURIST).resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(processInstanceId).listPage(0, PAGE)
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
      }
    });
  }
}
