package nl.blijvendveilig.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.blijvendveilig.platform.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Running cases onto the latest version of their models, with Camunda's migration API: for every
 * older version that still has running instances, a plan that maps equal activities (same id) and
 * updates timers and messages, executed as a batch (visible in Cockpit under Batches). Instances
 * waiting in an activity that the new version no longer has cannot be migrated: the dry run lists
 * them, the real run leaves them on their version. Cases last years (PROCESS.md section 8), so
 * every revision of a model meets running cases.
 */
@Component
public class ProcessMigration {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessMigration.class);
  static final int PAGE = 1000;

  public record NotMigratable(String activityId, String activityName, long instances, String reason) {
  }

  public record Source(String processDefinitionKey, int fromVersion, int toVersion, long instances, long migratable,
      List<String> planProblems, List<NotMigratable> notMigratable, String batchId) {
  }

  private final RepositoryService repository;
  private final RuntimeService migration;
  private final HistoryService history;
  private final IdentityService identity;

  public ProcessMigration(RepositoryService repository, RuntimeService migration, HistoryService history,
      IdentityService identity) {
    this.repository = repository;
    this.migration = migration;
    this.history = history;
    this.identity = identity;
  }

  /** Every older version with running cases, checked (dry run) or migrated as the caller. */
  public List<Source> migrateToLatest(String onlyKey, boolean dryRun) {
    List<Source> sources = new ArrayList<>();
    List<Analysed> analysed = CurrentUser.withoutAuthentication(identity, () -> analyse(onlyKey));
    for (Analysed a : analysed) {
      String batchId = null;
      if (!dryRun && a.plan() != null && !a.migratable().isEmpty()) {
        Batch batch = migration.newMigration(a.plan()).processInstanceIds(a.migratable()).skipCustomListeners()
            .executeAsync();
        batchId = batch.getId();
        LOG.info("Migrating {} instances of {} v{} to v{} (batch {})", a.migratable().size(), a.source().getKey(),
            a.source().getVersion(), a.target().getVersion(), batchId);
      }
      sources.add(new Source(a.source().getKey(), a.source().getVersion(), a.target().getVersion(), a.instances(),
          a.migratable().size(), a.planProblems(), a.notMigratable(), batchId));
    }
    return sources;
  }

  record Analysed(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan, long instances,
      List<String> migratable, List<String> planProblems, List<NotMigratable> notMigratable) {
  }

  private List<Analysed> analyse(String onlyKey) {
    List<Analysed> result = new ArrayList<>();
    var latestQuery = repository.createProcessDefinitionQuery().latestVersion();
    if (onlyKey != null) {
      latestQuery.processDefinitionKey(onlyKey);
    }
    for (ProcessDefinition latest : latestQuery.orderByProcessDefinitionKey().asc().listPage(0, PAGE)) {
      for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey())
          .orderByProcessDefinitionVersion().asc().listPage(0, PAGE)) {
        if (older.getVersion() < latest.getVersion()) {
          analysed(older, latest).ifPresent(result::add);
        }
      }
    }
    return result;
  }

  private java.util.Optional<Analysed> analysed(ProcessDefinition source, ProcessDefinition target) {
    Map<String, Set<String>> activeActivities = activeActivities(source.getId());
    if (activeActivities.isEmpty()) {
      return java.util.Optional.empty();
    }
    MigrationPlan plan = null;
    List<String> planProblems = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    try {
      plan = migration.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
          .build();
      plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);
    } catch (MigrationPlanValidationException invalid) {
      invalid.getValidationReport().getInstructionReports().forEach(report -> report.getFailures()
          .forEach(failure -> planProblems.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
      invalid.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
          .forEach(failure -> planProblems.add("variabele " + name + ": " + failure)));
    }
    List<String> migratable = new ArrayList<>();
    Map<String, Long> blocked = new TreeMap<>();
    for (Map.Entry<String, Set<String>> instance : activeActivities.entrySet()) {
      List<String> unmapped = plan == null ? List.copyOf(instance.getValue())
          : instance.getValue().stream().filter(activity -> !mapped.contains(activity)).toList();
      if (unmapped.isEmpty()) {
        migratable.add(instance.getKey());
      } else {
        unmapped.forEach(activity -> blocked.merge(activity, 1L, Long::sum));
      }
    }
    var model = repository.getBpmnModelInstance(source.getId());
    List<NotMigratable> notMigratable = new ArrayList<>();
    for (Map.Entry<String, Long> activity : blocked.entrySet()) {
      var element = model.getModelElementById(activity.getKey());
      String name = element == null ? activity.getKey() : element.getAttributeValue("name");
      notMigratable.add(new NotMigratable(activity.getKey(), name, activity.getValue(), plan == null
          ? "het migratieplan is ongeldig"
          : "versie " + target.getVersion() + " heeft geen gelijke activiteit '" + activity.getKey() + "'"));
    }
    return java.util.Optional.of(new Analysed(source, target, plan, activeActivities.size(), migratable, planProblems,
        notMigratable));
  }

  /** Per running instance of this version, the activities it is in (waiting states and their scopes). */
  private Map<String, Set<String>> activeActivities(String processDefinitionId) {
    Map<String, Set<String>> active = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricActivityInstance> page = history.createHistoricActivityInstanceQuery()
          .processDefinitionId(processDefinitionId).unfinished().orderByHistoricActivityInstanceId().asc()
          .listPage(first, PAGE);
      page.forEach(step -> active.computeIfAbsent(step.getProcessInstanceId(), id -> new HashSet<>()).add(step.getActivityId()));
      if (page.size() < PAGE) {
        return active;
      }
    }
  }
}
