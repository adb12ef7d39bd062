package nl.blijvendveilig.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every worker starts from, sorted by due date so the nearest deadline is on top.
 * Stored filters may use the expressions {@code currentUser()} and {@code currentUserGroups()};
 * expressions in ad-hoc queries stay disabled.
 */
@Component
public class TasklistFilters extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    create(engine, "Mijn taken", "Taken die aan mij zijn toegewezen", -10,
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    create(engine, "Taken van mijn groepen", "Taken voor mijn rol die nog niemand heeft opgepakt", -5,
        engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned().orderByDueDate().asc());
  }

  private void create(ProcessEngine engine, String name, String description, int priority, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setOwner(null)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
            "variables", java.util.List.of(), "showUndefinedVariable", false))
        .setQuery(query);
    filters.saveFilter(filter);

    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    everyone.setUserId(Authorization.ANY);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyone);
  }
}
