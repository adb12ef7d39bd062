package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Analyse en veranderplan vastleggen": the pattern and what keeps it going, the risk assessment, the
 * haalbare eindsituatie (what changes, what stays compensated) and the goals with owner and help.
 */
@Component("recordChangePlan")
public class RecordChangePlan implements JavaDelegate {

  private final FamilyPlans plans;
  private final Goals goals;

  public RecordChangePlan(FamilyPlans plans, Goals goals) {
    this.plans = plans;
    this.goals = goals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    plans.update(execution, "Analyse en veranderplan", plan -> {
      ObjectNode change = (ObjectNode) plan.get(FamilyPlans.VERANDERPLAN);
      FamilyPlans.copy(values, change, "patroon", "instandhoudendeFactoren", "risicotaxatie", "haalbareEindsituatie",
          "watVerandert", "watBlijftGecompenseerd", "doelen", "casuistiekAdvies");
    });
    saveGoals(execution.getProcessBusinessKey(), values.get("doelen"), goals, plans);
  }

  static void saveGoals(String caseNumber, JsonNode list, Goals goals, FamilyPlans plans) {
    int number = 0;
    for (JsonNode goal : list) {
      number++;
      goals.save(caseNumber, new Goal(number, FormValues.text(goal.path("doel")).orElse(""),
          FormValues.text(goal.path("eigenaar")).orElse(null), FormValues.text(goal.path("hulp")).orElse(null),
          goal.path("voortgang").asInt(0), plans.now()), plans.now());
    }
  }
}
