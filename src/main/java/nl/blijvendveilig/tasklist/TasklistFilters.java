package nl.blijvendveilig.tasklist;

import java.util.List;
import java.util.Map;
import nl.blijvendveilig.platform.EngineReady;
import nl.blijvendveilig.security.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every worker starts from, created (or brought up to date) at start-up and
 * given to every role that works in Tasklist; each is sorted by due date so the nearest deadline is
 * on top, and shows the case number and the family on every task. What a filter lists is limited
 * by the engine's authorizations: a jeugdbeschermer sees only the tasks of their own cases, the
 * teamleider those of the whole team. Stored filters may use {@code currentUser()},
 * {@code currentUserGroups()} and {@code now()}; expressions in ad-hoc queries stay disabled.
 */
@Component
public class TasklistFilters implements EngineReady {

  /** Tasks of acute situations have this priority or more (camunda:priority in the models). */
  public static final int ACUTE = 90;

  /** Filters of earlier versions, replaced by the ones below. */
  static final List<String> REPLACED = List.of("Taken van mijn groepen");

  static final List<Map<String, String>> SHOWN_VARIABLES = List.of(
      Map.of("name", TaskFormContext.CASE_NUMBER, "label", "Zaak"),
      Map.of("name", TaskFormContext.FAMILY, "label", "Gezin"),
      Map.of("name", TaskFormContext.PHASE, "label", "Fase"));

  @Override
  public void engineReady(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    REPLACED.forEach(name -> filters.createFilterQuery().filterName(name).listPage(0, 10)
        .forEach(old -> filters.deleteFilter(old.getId())));
    var tasks = engine.getTaskService();
    save(engine, "Mijn taken", "Taken die aan mij zijn toegewezen", -20,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    save(engine, "Acuut", "Acute zaken: kind veiligstellen, acute onveiligheid, crisisplaatsing", -15,
        tasks.createTaskQuery().taskMinPriority(ACUTE).orderByDueDate().asc());
    save(engine, "Verlopen deadlines", "Taken waarvan de deadline voorbij is", -10,
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    save(engine, "Taken van mijn team", "Alle taken van mijn team die ik mag zien, ook die van collega's", -5,
        tasks.createTaskQuery().orderByDueDate().asc());
  }

  private void save(ProcessEngine engine, String name, String description, int priority, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(name).listPage(0, 1).stream().findFirst()
        .orElseGet(() -> filters.newTaskFilter(name));
    filter.setOwner(null)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
            "variables", SHOWN_VARIABLES, "showUndefinedVariable", false))
        .setQuery(query);
    filters.saveFilter(filter);

    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Role role : Role.values()) {
      if (!role.applications().contains("tasklist")) {
        continue;
      }
      boolean granted = authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
          .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
      if (!granted) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(role.groupId());
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }
}
