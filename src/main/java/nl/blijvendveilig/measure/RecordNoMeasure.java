package nl.blijvendveilig.measure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Raad advises no measure, so no court decision follows: the case goes on without one. */
@Component("recordNoMeasure")
public class RecordNoMeasure implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("maatregelUitgesproken", "nee");
  }
}
