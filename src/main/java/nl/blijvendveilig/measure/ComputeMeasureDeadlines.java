package nl.blijvendveilig.measure;

import java.util.Date;
import nl.blijvendveilig.deadlines.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Termijnen maatregel berekenen": from the end date of the measure, when the jeugdbeschermer
 * evaluates it and the last day the jurist can file an extension request (lead times in
 * application.yaml; no legal lead time exists, courts need time to hear).
 */
@Component("computeMeasureDeadlines")
public class ComputeMeasureDeadlines implements JavaDelegate {

  private final Deadlines deadlines;

  public ComputeMeasureDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date end = MeasurePeriod.date(execution.getVariable("maatregelEinde"))
        .orElseThrow(() -> new IllegalStateException("Case " + execution.getProcessBusinessKey() + " has no maatregelEinde"));
    execution.setVariable("maatregelEinde", end);
    execution.setVariable("evaluatieMoment", deadlines.measureEvaluation(end));
    execution.setVariable("verzoekUiterlijk", deadlines.extensionRequest(end));
  }
}
