package nl.blijvendveilig.assessment;

import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** Every child is spoken to alone (principle 1): when that did not happen, the assessor says why. */
@Component
public class SafetyAssessmentRules implements FormRule {

  @Override
  public String formId() {
    return "veiligheid-beoordelen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    if ("nee".equals(values.text("kindAlleenGesproken").orElse(""))
        && values.text("redenNietAlleenGesproken").isEmpty()) {
      errors.reject("redenNietAlleenGesproken", "Geef aan waarom niet ieder kind alleen is gesproken");
    }
  }
}
