package nl.blijvendveilig.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.blijvendveilig.familyplan.PlanRevisions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What happened in a case and what is still due, from the engine's history and runtime: every task,
 * event and deadline of every stage, and every revision of the gezinsplan, in time order. Read for
 * the process: the caller's right to see the case is checked before.
 */
@Component
public class CaseTimeline {

  /** Steps a worker would not call an event: routing and the stage wrappers. */
  static final Set<String> NOT_SHOWN = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "multiInstanceBody", "subProcess", "callActivity");

  static final int PAGE = 1000;

  public record Event(Instant at, String what, String kind, String stage, String who) {
  }

  public record Deadline(Instant due, String what, String kind, String who, boolean overdue) {
  }

  private final HistoryService history;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final PlanRevisions revisions;

  public CaseTimeline(@Lazy HistoryService history, @Lazy TaskService tasks, @Lazy ManagementService management,
      @Lazy RepositoryService repository, PlanRevisions revisions) {
    this.history = history;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.revisions = revisions;
  }

  public List<Event> events(String caseNumber) {
    List<Event> events = new ArrayList<>();
    for (HistoricProcessInstance stage : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().listPage(0, PAGE)) {
      String stageName = stageName(stage);
      Map<String, String> completedBy = new HashMap<>();
      history.createHistoricTaskInstanceQuery().processInstanceId(stage.getId()).finished().listPage(0, PAGE)
          .forEach(task -> completedBy.put(task.getId(), task.getAssignee()));
      for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
          .processInstanceId(stage.getId()).orderByHistoricActivityInstanceStartTime().asc().listPage(0, PAGE)) {
        if (step.getActivityName() == null || NOT_SHOWN.contains(step.getActivityType())) {
          continue;
        }
        if ("userTask".equals(step.getActivityType())) {
          events.add(new Event(step.getStartTime().toInstant(), step.getActivityName(), "taak klaargezet", stageName,
              null));
          if (step.getEndTime() != null && !step.isCanceled()) {
            events.add(new Event(step.getEndTime().toInstant(), step.getActivityName(), "taak afgerond", stageName,
                completedBy.get(step.getTaskId())));
          }
        } else if (!step.isCanceled()) {
          Date at = step.getEndTime() != null ? step.getEndTime() : step.getStartTime();
          events.add(new Event(at.toInstant(), step.getActivityName(), kind(step.getActivityType()), stageName, null));
        }
      }
    }
    revisions.all(caseNumber).forEach(revision -> events.add(new Event(revision.createdAt(),
        "Gezinsplan revisie " + revision.number() + ": " + revision.reason(), "gezinsplan", "Gezinsplan",
        revision.author())));
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  /** Open tasks with a due date and the timers still to fire, nearest first. */
  public List<Deadline> openDeadlines(String caseNumber, Date now) {
    List<Deadline> deadlines = new ArrayList<>();
    tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).listPage(0, PAGE).stream()
        .filter(task -> task.getDueDate() != null)
        .forEach(task -> deadlines.add(new Deadline(task.getDueDate().toInstant(), task.getName(), "taak",
            task.getAssignee(), task.getDueDate().before(now))));
    for (HistoricProcessInstance stage : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).unfinished().listPage(0, PAGE)) {
      for (Job timer : management.createJobQuery().processInstanceId(stage.getId()).timers().listPage(0, PAGE)) {
        deadlines.add(new Deadline(timer.getDuedate().toInstant(), timerName(timer), "termijn", null,
            timer.getDuedate().before(now)));
      }
    }
    deadlines.sort(Comparator.comparing(Deadline::due));
    return deadlines;
  }

  private String timerName(Job timer) {
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
        .singleResult();
    if (definition == null) {
      return "Termijn";
    }
    FlowElement element = repository.getBpmnModelInstance(timer.getProcessDefinitionId())
        .getModelElementById(definition.getActivityId());
    return element == null || element.getName() == null ? "Termijn" : element.getName();
  }

  private static String stageName(HistoricProcessInstance stage) {
    String phase = CasePhases.ofStage(stage.getProcessDefinitionKey());
    return phase != null ? phase : stage.getProcessDefinitionName();
  }

  private static String kind(String activityType) {
    return switch (activityType) {
      case "boundaryTimer", "intermediateTimer", "startTimerEvent" -> "termijn verstreken";
      case "boundaryMessage", "intermediateMessageCatch", "messageStartEvent" -> "bericht ontvangen";
      case "startEvent" -> "gestart";
      case "endEvent", "terminateEndEvent" -> "afgerond";
      case "callActivity" -> "fase";
      default -> "stap";
    };
  }
}
