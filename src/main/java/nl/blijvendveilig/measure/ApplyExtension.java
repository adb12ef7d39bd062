package nl.blijvendveilig.measure;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Einddatum verlengen": the court extended the measure; its new end date starts the next period. */
@Component("applyExtension")
public class ApplyExtension implements JavaDelegate {

  private final Measures measures;

  public ApplyExtension(Measures measures) {
    this.measures = measures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date newEnd = MeasurePeriod.date(execution.getVariable("nieuweEinddatum")).orElseThrow();
    execution.setVariable("maatregelEinde", newEnd);
    Object extensions = execution.getVariable("aantalVerlengingen");
    execution.setVariable("aantalVerlengingen", extensions instanceof Number n ? n.intValue() + 1 : 1);
    measures.extend(execution.getProcessBusinessKey(), RecordMeasure.day(newEnd));
  }
}
