package nl.blijvendveilig.assignment;

import nl.blijvendveilig.casefile.CaseFiles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The case file records who holds the case, and that person gets read access to the case's process
 * instances and history, in the same transaction as the assignment task.
 */
@Component("recordAssignment")
public class RecordAssignment implements ExecutionListener {

  private final CaseFiles caseFiles;
  private final CaseGrants grants;

  public RecordAssignment(CaseFiles caseFiles, CaseGrants grants) {
    this.caseFiles = caseFiles;
    this.grants = grants;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      String jeugdbeschermer = (String) execution.getVariable("jeugdbeschermer");
      caseFiles.assign(execution.getProcessBusinessKey(), jeugdbeschermer);
      grants.grant(execution.getProcessEngineServices(), execution.getProcessBusinessKey(), jeugdbeschermer);
    }
  }
}
