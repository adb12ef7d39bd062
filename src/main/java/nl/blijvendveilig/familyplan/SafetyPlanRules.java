package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** Every child of the family has a vertrouwenspersoon in the veiligheidsplan (seed 004, fase 1). */
@Component
public class SafetyPlanRules implements FormRule {

  @Override
  public String formId() {
    return "veiligheidsplan-opstellen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    Set<String> covered = new HashSet<>();
    values.get("vertrouwenspersonen").forEach(p -> FormValues.text(p.path("kind"))
        .ifPresent(child -> covered.add(child.toLowerCase(Locale.ROOT))));
    for (JsonNode child : values.get("kinderen")) {
      String name = FormValues.text(child.path("voornaam")).orElse("");
      if (!name.isEmpty() && !covered.contains(name.toLowerCase(Locale.ROOT))) {
        errors.reject("vertrouwenspersonen", "Geef ook " + name + " een vertrouwenspersoon");
      }
    }
  }
}
