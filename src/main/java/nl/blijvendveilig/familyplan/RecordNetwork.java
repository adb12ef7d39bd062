package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Netwerk vastleggen": the informal and professional network, with relation and role, and the
 * vertrouwenspersoon of every child, as a revision of the plan and in the network table.
 */
@Component("recordNetwork")
public class RecordNetwork implements JavaDelegate {

  private final FamilyPlans plans;
  private final NetworkMembers network;

  public RecordNetwork(FamilyPlans plans, NetworkMembers network) {
    this.plans = plans;
    this.network = network;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution.getVariables());
    Revision revision = plans.update(execution, "Netwerk in beeld gebracht", plan -> {
      plan.set(FamilyPlans.NETWERK, values.get("netwerkleden"));
      FamilyPlans.copy(values, plan.putObject("netwerkOverzicht"), "genogramGemaakt", "sociogramGemaakt",
          "familiegroepsplanAangeboden", "kindAlleenGesproken");
    });
    List<NetworkMembers.Member> members = new ArrayList<>();
    for (JsonNode member : values.get("netwerkleden")) {
      members.add(new NetworkMembers.Member(FormValues.text(member.path("naam")).orElse(""),
          FormValues.text(member.path("relatie")).orElse(""), FormValues.text(member.path("rol")).orElse("informeel"),
          FormValues.text(member.path("vertrouwenspersoonVan")).orElse(null)));
    }
    network.record(execution.getProcessBusinessKey(), revision.number(), members);
  }
}
