package nl.blijvendveilig.intake;

import java.util.Map;
import nl.blijvendveilig.platform.AsProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Melding aan open zaak toevoegen": the family's open case hears of the new melding (its
 * jeugdbeschermer assesses it) and, when the melding reports an acute threat, of acute unsafety.
 */
@Component("joinOpenCase")
public class JoinOpenCase implements JavaDelegate {

  private final RuntimeService runtime;

  public JoinOpenCase(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable("bestaandeZaak");
    Map<String, Object> melding = Map.of(
        "nieuweMeldingZorgen", String.valueOf(execution.getVariable("zorgen")),
        "nieuweMeldingOntvangenOp", execution.getVariable("meldingOntvangenOp"));
    AsProcess.run(() -> {
      runtime.createMessageCorrelation("NieuweMelding").processInstanceBusinessKey(caseNumber)
          .setVariables(melding).correlate();
      if (Boolean.TRUE.equals(execution.getVariable("acuteDreiging"))) {
        runtime.createMessageCorrelation("AcuteOnveiligheid").processInstanceBusinessKey(caseNumber).correlate();
      }
    });
  }
}
