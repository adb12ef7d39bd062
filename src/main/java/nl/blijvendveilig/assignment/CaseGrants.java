package nl.blijvendveilig.assignment;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.blijvendveilig.platform.AsProcess;
import org.springframework.stereotype.Component;

/**
 * Per-case access in the engine: the jeugdbeschermer of a case may read its process instances (every
 * stage) and their history, and send them the messages a jeugdbeschermer may send ({@code CaseMessages};
 * the engine refuses every other change by a person: {@code platform.UserCommandGuard}), and nobody
 * else's. Granted when the case is assigned and when a stage of
 * an assigned case starts; revoked from the old jeugdbeschermer when the case moves on.
 */
@Component
public class CaseGrants {

  /** More stages than a case ever has at once: engine queries are paged, ready for a queryMaxResultsLimit. */
  public static final int CASE_STAGES = 100;

  public void grant(ProcessEngineServices engine, String caseNumber, String userId) {
    AsProcess.run(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .listPage(0, CASE_STAGES).forEach(instance -> grant(engine.getAuthorizationService(), instance, userId)));
  }

  public void grant(AuthorizationService authorizations, ProcessInstance instance, String userId) {
    grant(authorizations, instance.getId(), userId);
  }

  public void grant(AuthorizationService authorizations, String processInstanceId, String userId) {
    grant(authorizations, userId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ, Permissions.UPDATE);
    grant(authorizations, userId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  public void revoke(ProcessEngineServices engine, String caseNumber, String userId) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    AsProcess.run(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .listPage(0, CASE_STAGES).forEach(instance -> authorizations.createAuthorizationQuery().userIdIn(userId)
            .resourceId(instance.getId()).listPage(0, CASE_STAGES)
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()))));
  }

  private static void grant(AuthorizationService authorizations, String userId, Resource resource, String resourceId,
      Permission... permissions) {
    if (authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(resource).resourceId(resourceId)
        .count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
