package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Veiligheidsplan bijwerken", after each (re)assessment and acute event: acute threats found, the
 * judgement, bodemeisen, veiligheidsafspraken, consequences, JR voorwaarden and the vertrouwenspersoon
 * of every child. When the step set a {@code scoreMoment} (input parameter), its safety score joins
 * the series.
 */
@Component("updateSafetyPlan")
public class UpdateSafetyPlan implements JavaDelegate {

  private final FamilyPlans plans;
  private final SafetyScores scores;

  public UpdateSafetyPlan(FamilyPlans plans, SafetyScores scores) {
    this.plans = plans;
    this.scores = scores;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    Optional<String> scoreMoment = Optional.ofNullable((String) execution.getVariableLocal("scoreMoment"));
    Revision revision = plans.update(execution, "Veiligheidsplan bijgewerkt", plan -> {
      ObjectNode safety = (ObjectNode) plan.get(FamilyPlans.VEILIGHEIDSPLAN);
      if (values.get("veiligheidsfactoren").isArray()) {
        safety.set("acuteDreigingen", values.get("veiligheidsfactoren"));
      }
      FamilyPlans.copy(values, safety, "veiligheidsoordeel", "bodemeisen", "veiligheidsafspraken", "consequenties",
          "jrVoorwaarden", "vertrouwenspersonen", "veiligheidsinschatting");
      scoreMoment.ifPresent(moment -> RecordContact.latestSafety(plan, values, moment, plans.now()));
    });
    scoreMoment.ifPresent(moment -> values.text("veiligheidsscore").ifPresent(score ->
        scores.record(execution.getProcessBusinessKey(), new SafetyScore(revision.createdAt(), moment,
            Integer.parseInt(score), "", revision.author(), revision.number()))));
  }
}
