package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Applies what a step changed to the family's plan as one new revision: the latest content, changed,
 * written with who did it (the worker who completed the task) and why (the task or event). Updates of
 * one case take turns (the case is locked for the rest of the step's transaction), so two at once both
 * land, in order, neither losing the other's change. The sections of the plan are the top-level keys
 * named here.
 */
@Component
public class FamilyPlans {

  public static final String AANLEIDING = "aanleiding";
  public static final String ZORGEN_EN_KRACHTEN = "zorgenEnKrachten";
  public static final String VEILIGHEIDSPLAN = "veiligheidsplan";
  public static final String NETWERK = "netwerk";
  public static final String VERANDERPLAN = "veranderplan";
  public static final String BORGINGSPLAN = "borgingsplan";
  public static final String LAATSTE_VEILIGHEID = "laatsteVeiligheid";

  private final PlanRevisions revisions;
  private final Deadlines deadlines;

  public FamilyPlans(PlanRevisions revisions, Deadlines deadlines) {
    this.revisions = revisions;
    this.deadlines = deadlines;
  }

  public Revision update(DelegateExecution execution, String reason, Consumer<ObjectNode> change) {
    String caseNumber = execution.getProcessBusinessKey();
    // before reading: a writer of the same case at once waits here, then builds on this revision
    revisions.lockPlan(caseNumber);
    ObjectNode content = revisions.latest(caseNumber).map(r -> r.content().deepCopy()).orElseGet(FamilyPlans::empty);
    change.accept(content);
    return revisions.append(caseNumber, now(), author(execution), reason, cause(execution), content);
  }

  public Instant now() {
    return deadlines.now().toInstant();
  }

  /** Copies the named form fields, as submitted, into a section of the plan. */
  public static void copy(FormValues values, ObjectNode section, String... keys) {
    for (String key : keys) {
      JsonNode value = values.get(key);
      if (!value.isNull() && !value.isMissingNode()) {
        section.set(key, value);
      }
    }
  }

  public static ObjectNode empty() {
    ObjectNode plan = JsonNodeFactory.instance.objectNode();
    plan.putObject(AANLEIDING);
    plan.putArray(ZORGEN_EN_KRACHTEN);
    plan.putObject(VEILIGHEIDSPLAN);
    plan.putArray(NETWERK);
    plan.putObject(VERANDERPLAN);
    plan.putObject(BORGINGSPLAN);
    return plan;
  }

  /** The worker who completed the step, else who registered the melding, else the system itself. */
  static String author(DelegateExecution execution) {
    Object user = execution.getVariable(CompletedBy.USER);
    if (user == null) {
      user = execution.getVariable("geregistreerdDoor");
    }
    return user == null ? "systeem" : user.toString();
  }

  static String cause(DelegateExecution execution) {
    Object task = execution.getVariable(CompletedBy.TASK);
    String step = execution.getCurrentActivityName();
    return task == null ? String.valueOf(step) : task.toString();
  }
}
