package nl.blijvendveilig.assignment;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A stage that starts in an assigned case is readable by its jeugdbeschermer from the start. */
@Component
public class GrantStagesToTheJeugdbeschermer implements ModelHooks {

  private final CaseGrants grants;

  public GrantStagesToTheJeugdbeschermer(@Lazy CaseGrants grants) {
    this.grants = grants;
  }

  @Override
  public void process(ModelElement process) {
    process.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> {
      if ("jeugdbeschermer".equals(execution.getVariable("regieGroep"))
          && execution.getVariable("regisseur") instanceof String person) {
        AsProcess.run(() -> grants.grant(execution.getProcessEngineServices().getAuthorizationService(),
            execution.getProcessInstanceId(), person));
      }
    });
  }
}
