package nl.blijvendveilig.measure;

import java.time.LocalDate;
import java.util.Date;
import nl.blijvendveilig.deadlines.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On "Maatregel uitvoeren": when it starts, the measure of the beschikking joins the register; when it
 * ends, the register records the day and why: opheffing granted, extension refused, or the end date
 * reached as planned.
 */
@Component("recordMeasure")
public class RecordMeasure implements ExecutionListener {

  private final Measures measures;
  private final Deadlines deadlines;

  public RecordMeasure(Measures measures, Deadlines deadlines) {
    this.measures = measures;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    if (EVENTNAME_START.equals(execution.getEventName())) {
      measures.start(caseNumber, String.valueOf(execution.getVariable("maatregelType")),
          day(execution.getVariable("maatregelStart")), day(execution.getVariable("maatregelEinde")),
          (String) execution.getVariable("beschikkingKenmerk"));
    } else if (!execution.isCanceled()) {
      measures.end(caseNumber, day(deadlines.now()), reason(execution));
    }
  }

  static Measures.EndReason reason(DelegateExecution execution) {
    if ("ja".equals(execution.getVariable("opheffingToegewezen"))) {
      return Measures.EndReason.OPHEFFING;
    }
    if ("nee".equals(execution.getVariable("verlengd"))) {
      return Measures.EndReason.NIET_VERLENGD;
    }
    return Measures.EndReason.VOLGENS_PLAN;
  }

  static LocalDate day(Object value) {
    Date date = value instanceof Date d ? d : MeasurePeriod.date(value).orElseThrow(
        () -> new IllegalStateException("A measure without its dates: " + value));
    return date.toInstant().atZone(Deadlines.NETHERLANDS).toLocalDate();
  }
}
