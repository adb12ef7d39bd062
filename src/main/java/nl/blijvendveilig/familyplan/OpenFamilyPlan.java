package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Gezinsplan openen": revision 1 of the plan, its aanleiding taken from the melding. */
@Component("openFamilyPlan")
public class OpenFamilyPlan implements JavaDelegate {

  private final FamilyPlans plans;

  public OpenFamilyPlan(FamilyPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues melding = FormValues.of(execution.getVariables());
    plans.update(execution, "Melding ontvangen", plan -> {
      ObjectNode aanleiding = (ObjectNode) plan.get(FamilyPlans.AANLEIDING);
      FamilyPlans.copy(melding, aanleiding, "zorgen", "melderRelatie", "acuteDreigingen", "toelichtingAcuteDreiging",
          "oudersGeinformeerd", "meldingOntvangenOp");
      ObjectNode safety = plan.withArray(FamilyPlans.ZORGEN_EN_KRACHTEN).addObject();
      safety.put("leefgebied", "veiligheid");
      safety.put("zorgen", melding.text("zorgen").orElse(""));
      safety.put("krachten", "");
      FamilyPlans.copy(melding, (ObjectNode) plan.get(FamilyPlans.VEILIGHEIDSPLAN), "acuteDreigingen");
    });
  }
}
