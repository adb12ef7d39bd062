package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Voortgang vastleggen": the progress of every goal and the help given, after an evaluation. */
@Component("recordProgress")
public class RecordProgress implements JavaDelegate {

  private final FamilyPlans plans;
  private final Goals goals;

  public RecordProgress(FamilyPlans plans, Goals goals) {
    this.plans = plans;
    this.goals = goals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    plans.update(execution, "Voortgang geëvalueerd: " + values.text("voortgang").orElse(""), plan -> {
      ObjectNode change = (ObjectNode) plan.get(FamilyPlans.VERANDERPLAN);
      FamilyPlans.copy(values, change, "doelen", "hulpPerDoel", "hulpaanbieders", "voortgang", "voortgangToelichting");
    });
    RecordChangePlan.saveGoals(execution.getProcessBusinessKey(), values.get("doelen"), goals, plans);
  }
}
