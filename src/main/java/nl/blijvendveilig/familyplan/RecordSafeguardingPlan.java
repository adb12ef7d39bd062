package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Borgingsplan vastleggen": relapse signals, who acts and how, continued help, who in the jeugdteam watches. */
@Component("recordSafeguardingPlan")
public class RecordSafeguardingPlan implements JavaDelegate {

  private final FamilyPlans plans;

  public RecordSafeguardingPlan(FamilyPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    plans.update(execution, "Borgingsplan", plan -> FamilyPlans.copy(values,
        (ObjectNode) plan.get(FamilyPlans.BORGINGSPLAN), "terugvalsignalen", "wieGrijptIn", "doorlopendeHulp",
        "jeugdteamVolgt"));
  }
}
