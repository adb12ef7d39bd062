package nl.blijvendveilig.assessment;

import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/** Four eyes: a gedragswetenschapper who does not sign tells the assessor what to look at again. */
@Component
public class CosignRules implements FormRule {

  @Override
  public String formId() {
    return "beoordeling-medeondertekenen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    if ("niet-akkoord".equals(values.text("medeondertekening").orElse(""))
        && values.text("medeondertekeningToelichting").isEmpty()) {
      errors.reject("medeondertekeningToelichting", "Licht toe waarom je niet akkoord bent");
    }
  }
}
