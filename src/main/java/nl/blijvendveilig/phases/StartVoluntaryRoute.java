package nl.blijvendveilig.phases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Voluntary route: the jeugdteam directs the phases; a jeugdbeschermer of the GI consults. */
@Component("startVoluntaryRoute")
public class StartVoluntaryRoute implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("regieGroep", "jeugdteam");
    execution.setVariable("regisseur", null);
  }
}
