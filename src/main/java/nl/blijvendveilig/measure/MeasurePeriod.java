package nl.blijvendveilig.measure;

import java.util.Date;
import java.util.Optional;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.formdata.FormValues;

/**
 * The dates of a measure as the process keeps them: typed dates, whatever shape the form or a REST
 * client sent ({@code "2026-01-31"} from a Camunda Form date field).
 */
final class MeasurePeriod {

  private MeasurePeriod() {
  }

  static Optional<Date> date(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Date date) {
      return Optional.of(date);
    }
    return FormValues.date(FormValues.of(java.util.Map.of("v", value)).get("v"))
        .map(day -> Date.from(day.atStartOfDay(Deadlines.NETHERLANDS).toInstant()));
  }
}
