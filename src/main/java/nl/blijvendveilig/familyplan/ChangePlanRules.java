package nl.blijvendveilig.familyplan;

import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** A veranderplan has at least one goal. */
@Component
public class ChangePlanRules implements FormRule {

  @Override
  public String formId() {
    return "veranderplan-opstellen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    if (!values.get("doelen").isArray() || values.get("doelen").isEmpty()) {
      errors.reject("doelen", "Neem minstens één doel op in het veranderplan");
    }
  }
}
