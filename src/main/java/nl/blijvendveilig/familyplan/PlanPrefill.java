package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * A task form shows what the plan holds now: the current bodemeisen, network, goals, life areas, so a
 * worker revises instead of retyping. When a task is created, every field of its form that the stage
 * does not hold yet is filled from the latest revision of the gezinsplan. A value the stage already
 * holds is never replaced: it may be a worker's submission whose plan update is still to run.
 * Scores and reports are not filled in: every contact is judged afresh ({@link #FRESH}).
 */
@Component
public class PlanPrefill {

  /** Form variable and where the plan keeps it (the plan-update delegates copy the fields there). */
  static final Map<String, String> PLAN_FIELDS = Map.ofEntries(
      Map.entry("bodemeisen", "/veiligheidsplan/bodemeisen"),
      Map.entry("veiligheidsafspraken", "/veiligheidsplan/veiligheidsafspraken"),
      Map.entry("consequenties", "/veiligheidsplan/consequenties"),
      Map.entry("jrVoorwaarden", "/veiligheidsplan/jrVoorwaarden"),
      Map.entry("vertrouwenspersonen", "/veiligheidsplan/vertrouwenspersonen"),
      Map.entry("netwerkleden", "/netwerk"),
      Map.entry("leefgebieden", "/zorgenEnKrachten"),
      Map.entry("patroon", "/veranderplan/patroon"),
      Map.entry("instandhoudendeFactoren", "/veranderplan/instandhoudendeFactoren"),
      Map.entry("risicotaxatie", "/veranderplan/risicotaxatie"),
      Map.entry("haalbareEindsituatie", "/veranderplan/haalbareEindsituatie"),
      Map.entry("watVerandert", "/veranderplan/watVerandert"),
      Map.entry("watBlijftGecompenseerd", "/veranderplan/watBlijftGecompenseerd"),
      Map.entry("doelen", "/veranderplan/doelen"),
      Map.entry("hulpPerDoel", "/veranderplan/hulpPerDoel"),
      Map.entry("hulpaanbieders", "/veranderplan/hulpaanbieders"),
      Map.entry("terugvalsignalen", "/borgingsplan/terugvalsignalen"),
      Map.entry("wieGrijptIn", "/borgingsplan/wieGrijptIn"),
      Map.entry("doorlopendeHulp", "/borgingsplan/doorlopendeHulp"),
      Map.entry("jeugdteamVolgt", "/borgingsplan/jeugdteamVolgt"));

  /**
   * A contact moment is judged afresh: its fields start empty, whatever the stage holds from the
   * previous contact or the assessment (they are set again when the contact is recorded).
   */
  static final Map<String, Set<String>> FRESH = Map.of("contactmoment-vastleggen",
      Set.of("contactType", "aanwezigen", "veiligheidsscore", "contactVerslag"));

  private final PlanRevisions revisions;

  public PlanPrefill(PlanRevisions revisions) {
    this.revisions = revisions;
  }

  public void fill(DelegateTask task, String formId, Set<String> formVariables) {
    var execution = task.getExecution();
    FRESH.getOrDefault(formId, Set.of()).forEach(execution::removeVariable);
    var missing = formVariables.stream()
        .filter(PLAN_FIELDS::containsKey)
        .filter(name -> execution.getVariable(name) == null)
        .toList();
    if (missing.isEmpty()) {
      return;
    }
    revisions.latest(execution.getProcessBusinessKey()).ifPresent(plan -> {
      for (String name : missing) {
        JsonNode value = plan.content().at(PLAN_FIELDS.get(name));
        if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
          continue;
        }
        execution.setVariable(name, value.isContainerNode() ? SpinValues.jsonValue(value.toString()).create()
            : value.isNumber() ? value.numberValue() : value.isBoolean() ? value.booleanValue() : value.asText());
      }
    });
  }
}
