package nl.blijvendveilig.measure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/**
 * A beschikking, registered by the jurist or sent by another system, is refused when it cannot be
 * right (BW book 1): an end before its start; an OTS or a machtiging uithuisplaatsing longer than a
 * year (1:255, 1:265b); a voorlopige OTS longer than three months (1:257).
 */
@Component
public class MeasureDecisionRules implements FormRule {

  @Override
  public String formId() {
    return "beschikking-registreren";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    String imposed = values.text("maatregelUitgesproken").orElse("");
    if ("nee".equals(imposed) && values.text("vervolgZonderMaatregel").isEmpty()) {
      errors.reject("vervolgZonderMaatregel", "Kies hoe het verder gaat zonder maatregel");
    }
    if (!"ja".equals(imposed)) {
      return;
    }
    Optional<String> type = values.text("maatregelType");
    if (type.isEmpty()) {
      errors.reject("maatregelType", "Kies de maatregel");
    }
    Optional<LocalDate> start = date(values, "maatregelStart", "Ingangsdatum", errors);
    Optional<LocalDate> end = date(values, "maatregelEinde", "Einddatum", errors);
    if (start.isEmpty() || end.isEmpty() || type.isEmpty()) {
      return;
    }
    if (!end.get().isAfter(start.get())) {
      errors.reject("maatregelEinde", "De einddatum moet na de ingangsdatum liggen");
      return;
    }
    LocalDate longest = switch (type.get()) {
      case "ots", "machtiging-uithuisplaatsing", "jeugdreclassering" -> start.get().plusYears(1);
      case "voorlopige-ots" -> start.get().plusMonths(3);
      default -> null;
    };
    if (longest != null && end.get().isAfter(longest)) {
      errors.reject("maatregelEinde", "Deze maatregel duurt hoogstens "
          + ("voorlopige-ots".equals(type.get()) ? "drie maanden" : "een jaar") + " (tot " + longest + ")");
    }
  }

  static Optional<LocalDate> date(FormValues values, String key, String label, FieldErrors errors) {
    try {
      Optional<LocalDate> date = FormValues.date(values.get(key));
      if (date.isEmpty()) {
        errors.reject(key, label + " is verplicht");
      }
      return date;
    } catch (DateTimeParseException e) {
      return Optional.empty(); // named by the form's own validation
    }
  }
}
