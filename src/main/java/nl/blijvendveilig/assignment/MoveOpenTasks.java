package nl.blijvendveilig.assignment;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.RejectedInput;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Open taken overdragen": the teamleider gave the case to another jeugdbeschermer (message
 * {@code JeugdbeschermerWijzigen} with {@code nieuweJeugdbeschermer}). Every open task of the old one
 * moves along, and every running stage of the case assigns its next tasks to the new one.
 */
@Component("moveOpenTasks")
public class MoveOpenTasks implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(MoveOpenTasks.class);

  private final AssignmentRules rules;
  private final CaseFiles caseFiles;
  private final CaseGrants grants;

  public MoveOpenTasks(AssignmentRules rules, CaseFiles caseFiles, CaseGrants grants) {
    this.rules = rules;
    this.caseFiles = caseFiles;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    Object requested = execution.getVariable("nieuweJeugdbeschermer");
    if (!(requested instanceof String newWorker) || newWorker.isBlank()) {
      throw new RejectedInput(Map.of("nieuweJeugdbeschermer", "Geef de gebruikersnaam van de nieuwe jeugdbeschermer"));
    }
    FieldErrors errors = new FieldErrors();
    rules.check(newWorker, "nieuweJeugdbeschermer", errors);
    errors.throwIfAny();
    String oldWorker = (String) execution.getVariable("jeugdbeschermer");

    ProcessEngineServices engine = execution.getProcessEngineServices();
    int moved = AsProcess.run(() -> {
      Map<String, Object> assignment = new LinkedHashMap<>();
      assignment.put("jeugdbeschermer", newWorker);
      assignment.put("regisseur", newWorker);
      assignment.put("regieGroep", "jeugdbeschermer");
      for (ProcessInstance stage : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).active().listPage(0, CaseGrants.CASE_STAGES)) {
        engine.getRuntimeService().setVariables(stage.getId(), assignment);
      }
      if (oldWorker == null) {
        return 0;
      }
      java.util.List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
          .taskAssignee(oldWorker).listPage(0, 1000);
      for (Task task : open) {
        engine.getTaskService().setAssignee(task.getId(), newWorker);
        // the engine grants the task to the new assignee; the old one loses it
        engine.getAuthorizationService().createAuthorizationQuery().userIdIn(oldWorker)
            .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(task.getId()).listPage(0, CaseGrants.CASE_STAGES)
            .forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
      }
      return open.size();
    });
    caseFiles.assign(caseNumber, newWorker);
    if (oldWorker != null) {
      grants.revoke(engine, caseNumber, oldWorker);
    }
    grants.grant(engine, caseNumber, newWorker);
    LOG.info("Case {} moved to another jeugdbeschermer with {} open tasks", caseNumber, moved);
  }
}
