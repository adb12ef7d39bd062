package nl.blijvendveilig.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import nl.blijvendveilig.platform.EngineReady;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may do, granted to its group in every profile (the groups themselves come from the
 * demo profile or, in production, from the beheerder). Tasks need no grant here: the engine grants a
 * task to its candidate group and assignee when the task is created.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RoleAuthorizations implements EngineReady {

  public static final String CASE_PROCESS = "jeugdbeschermingszaak";

  @Override
  public void engineReady(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Role role : Role.values()) {
      for (String application : role.applications()) {
        grant(authorizations, role, Resources.APPLICATION, application, Permissions.ACCESS);
      }
    }
    for (Role worker : new Role[] {Role.INTAKE, Role.JEUGDBESCHERMER, Role.TEAMLEIDER, Role.GEDRAGSWETENSCHAPPER,
        Role.JURIST, Role.JEUGDTEAM}) {
      // the diagram of a task's process, and the deployed Camunda Form of a task
      grant(authorizations, worker, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }

    // intake registers meldingen: starts the case process
    grant(authorizations, Role.INTAKE, Resources.PROCESS_DEFINITION, CASE_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, Role.INTAKE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    // the teamleider watches the team's cases in Cockpit, handles escalations and reassigns work
    grant(authorizations, Role.TEAMLEIDER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_ASSIGN);
    grant(authorizations, Role.TEAMLEIDER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
    // the teamleider changes the jeugdbeschermer of a case (message JeugdbeschermerWijzigen)
    grant(authorizations, Role.TEAMLEIDER, Resources.PROCESS_DEFINITION, CASE_PROCESS,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);

    // the jurist acts on a case only in a court step (CourtStepGrants); the broad grant of earlier versions goes
    revoke(authorizations, Role.JURIST, Resources.PROCESS_INSTANCE, ANY);
    grant(authorizations, Role.TEAMLEIDER, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
    grant(authorizations, Role.TEAMLEIDER, Resources.DECISION_DEFINITION, ANY, Permissions.READ);

    // the procesontwerper deploys revised models and forms and migrates running cases
    grant(authorizations, Role.PROCESONTWERPER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ,
        Permissions.DELETE);
    grant(authorizations, Role.PROCESONTWERPER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(authorizations, Role.PROCESONTWERPER, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.UPDATE);
    grant(authorizations, Role.PROCESONTWERPER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // only migration batches: no batch that sets history's removal time, deletes or modifies cases
    revoke(authorizations, Role.PROCESONTWERPER, Resources.BATCH, ANY);
    grant(authorizations, Role.PROCESONTWERPER, Resources.BATCH, ANY,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, Permissions.READ);
  }

  static void revoke(AuthorizationService authorizations, Role role, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(role.groupId())
        .resourceType(resource).resourceId(resourceId).listPage(0, 10)
        .forEach(existing -> authorizations.deleteAuthorization(existing.getId()));
  }

  static void grant(AuthorizationService authorizations, Role role, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(role.groupId())
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(role.groupId());
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
