package nl.blijvendveilig.measure;

import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** When the Raad advises no measure, the case needs a way forward: close, or voluntary help. */
@Component
public class RaadReportRules implements FormRule {

  @Override
  public String formId() {
    return "raadsrapport-registreren";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    if ("geen-maatregel".equals(values.text("raadAdvies").orElse(""))
        && values.text("vervolgZonderMaatregel").isEmpty()) {
      errors.reject("vervolgZonderMaatregel", "Kies hoe het verder gaat zonder maatregel");
    }
  }
}
