package nl.blijvendveilig.phases;

import nl.blijvendveilig.casefile.CaseFiles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Voluntary route: the jeugdteam directs the phases; a jeugdbeschermer of the GI consults. */
@Component("startVoluntaryRoute")
public class StartVoluntaryRoute implements JavaDelegate {

  private final CaseFiles caseFiles;

  public StartVoluntaryRoute(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    caseFiles.directedBy(execution.getProcessBusinessKey(), "jeugdteam");
    execution.setVariable("regieGroep", "jeugdteam");
    execution.setVariable("regisseur", null);
  }
}
