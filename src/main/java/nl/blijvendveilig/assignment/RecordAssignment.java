package nl.blijvendveilig.assignment;

import nl.blijvendveilig.casefile.CaseFiles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The case file records who holds the case, in the same transaction as the assignment task. */
@Component("recordAssignment")
public class RecordAssignment implements ExecutionListener {

  private final CaseFiles caseFiles;

  public RecordAssignment(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      caseFiles.assign(execution.getProcessBusinessKey(), (String) execution.getVariable("jeugdbeschermer"));
    }
  }
}
