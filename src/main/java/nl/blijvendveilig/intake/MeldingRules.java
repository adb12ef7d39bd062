package nl.blijvendveilig.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import nl.blijvendveilig.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * What the melding form cannot check itself: at least one child; a BSN that passes the elfproef, or
 * else a date of birth; no date of birth in the future; why the parents were not informed.
 */
@Component
public class MeldingRules implements FormRule {

  static final String FORM = "melding-registreren";

  @Override
  public String formId() {
    return FORM;
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    JsonNode children = values.get("kinderen");
    if (!children.isArray() || children.isEmpty()) {
      errors.reject("kinderen", "Voeg minstens één kind toe");
    } else {
      LocalDate today = EngineClock.now().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
      for (int i = 0; i < children.size(); i++) {
        checkChild(children.get(i), "kinderen[" + (i + 1) + "]", i + 1, today, errors);
      }
    }
    if ("nee".equals(values.text("oudersGeinformeerd").orElse(""))
        && values.text("redenNietGeinformeerd").isEmpty()) {
      errors.reject("redenNietGeinformeerd", "Geef aan waarom de ouders niet zijn geïnformeerd");
    }
  }

  private void checkChild(JsonNode child, String path, int number, LocalDate today, FieldErrors errors) {
    Optional<String> bsn = FormValues.text(child.path("bsn"));
    if (bsn.isPresent() && !Bsn.isValid(bsn.get()) && !errors.has(path + ".bsn")) {
      errors.reject(path + ".bsn", "Het BSN van kind " + number + " is ongeldig (voldoet niet aan de elfproef)");
    }
    Optional<LocalDate> birthDate;
    try {
      birthDate = FormValues.date(child.path("geboortedatum"));
    } catch (DateTimeParseException e) {
      return; // the form's own validation names this field already
    }
    if (bsn.isEmpty() && birthDate.isEmpty()) {
      errors.reject(path + ".geboortedatum", "Vul de geboortedatum van kind " + number + " in als het BSN onbekend is");
    }
    if (birthDate.isPresent() && birthDate.get().isAfter(today)) {
      errors.reject(path + ".geboortedatum", "De geboortedatum van kind " + number + " ligt in de toekomst");
    }
  }
}
