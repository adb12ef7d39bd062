package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Contact vastleggen": after every contact the plan is updated at once (principle 8): the safety
 * score joins the series, and what the worker changed in zorgen and krachten per life area becomes
 * part of the same new revision.
 */
@Component("recordContact")
public class RecordContact implements JavaDelegate {

  private final FamilyPlans plans;
  private final SafetyScores scores;

  public RecordContact(FamilyPlans plans, SafetyScores scores) {
    this.plans = plans;
    this.scores = scores;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    String type = values.text("contactType").orElse("contact");
    Revision revision = plans.update(execution, "Contactmoment: " + type, plan -> {
      if (values.get("leefgebieden").isArray()) {
        plan.set(FamilyPlans.ZORGEN_EN_KRACHTEN, values.get("leefgebieden"));
      }
      latestSafety(plan, values, type, plans.now());
    });
    scores.record(execution.getProcessBusinessKey(), new SafetyScore(revision.createdAt(), type,
        Integer.parseInt(values.text("veiligheidsscore").orElseThrow()), present(values.get("aanwezigen")),
        revision.author(), revision.number()));
  }

  static void latestSafety(ObjectNode plan, FormValues values, String moment, Instant at) {
    values.text("veiligheidsscore").ifPresent(score -> {
      ObjectNode latest = plan.putObject(FamilyPlans.LAATSTE_VEILIGHEID);
      latest.put("score", Integer.parseInt(score));
      latest.put("moment", moment);
      latest.put("op", at.toString());
    });
  }

  static String present(JsonNode list) {
    List<String> who = new ArrayList<>();
    list.forEach(item -> who.add(item.asText()));
    return String.join(", ", who);
  }
}
