package nl.blijvendveilig.assignment;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A case goes to a person who exists and is a jeugdbeschermer. */
@Component
public class AssignmentRules implements FormRule {

  static final String GROUP = "jeugdbeschermer";

  private final IdentityService identity;

  public AssignmentRules(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String formId() {
    return "jeugdbeschermer-toewijzen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    values.text("jeugdbeschermer").ifPresent(user -> check(user, "jeugdbeschermer", errors));
  }

  void check(String user, String field, FieldErrors errors) {
    // who is a jeugdbeschermer is checked for the process, not limited by what the teamleider may read
    if (AsProcess.run(() -> identity.createUserQuery().userId(user).memberOfGroup(GROUP).count()) == 0) {
      errors.reject(field, "'" + user + "' is geen jeugdbeschermer");
    }
  }
}
