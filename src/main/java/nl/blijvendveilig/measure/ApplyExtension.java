package nl.blijvendveilig.measure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Einddatum verlengen": the court extended the measure; its new end date starts the next period. */
@Component("applyExtension")
public class ApplyExtension implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("maatregelEinde", MeasurePeriod.date(execution.getVariable("nieuweEinddatum")).orElseThrow());
    Object extensions = execution.getVariable("aantalVerlengingen");
    execution.setVariable("aantalVerlengingen", extensions instanceof Number n ? n.intValue() + 1 : 1);
  }
}
