package nl.blijvendveilig.measure;

import java.time.LocalDate;
import java.util.Optional;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** An extension runs from the current end date, by at most one year at a time (BW 1:260). */
@Component
public class ExtensionDecisionRules implements FormRule {

  @Override
  public String formId() {
    return "beschikking-verlenging-registreren";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    if (!"ja".equals(values.text("verlengd").orElse(""))) {
      return;
    }
    Optional<LocalDate> newEnd = MeasureDecisionRules.date(values, "nieuweEinddatum", "Nieuwe einddatum", errors);
    Optional<LocalDate> currentEnd = FormValues.date(values.get("maatregelEinde"));
    if (newEnd.isEmpty() || currentEnd.isEmpty()) {
      return;
    }
    if (!newEnd.get().isAfter(currentEnd.get())) {
      errors.reject("nieuweEinddatum", "De nieuwe einddatum moet na de huidige einddatum (" + currentEnd.get() + ") liggen");
    } else if (newEnd.get().isAfter(currentEnd.get().plusYears(1))) {
      errors.reject("nieuweEinddatum", "Een verlenging duurt hoogstens een jaar (tot " + currentEnd.get().plusYears(1) + ")");
    }
  }
}
