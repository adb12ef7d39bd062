package nl.blijvendveilig.phases;

import nl.blijvendveilig.platform.AsProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Acute onveiligheid melden": a contact scored at or below the acute threshold. The case reviews its
 * veiligheidsplan at once and the teamleider is told, while the phase goes on.
 */
@Component("reportAcuteUnsafety")
public class ReportAcuteUnsafety implements JavaDelegate {

  private final RuntimeService runtime;

  public ReportAcuteUnsafety(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AsProcess.run(() -> runtime.createMessageCorrelation("AcuteOnveiligheid")
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable("veiligheidsscore", execution.getVariable("veiligheidsscore"))
        .correlate());
  }
}
