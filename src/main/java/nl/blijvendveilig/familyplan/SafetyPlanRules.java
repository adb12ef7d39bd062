package nl.blijvendveilig.familyplan;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.casefile.Child;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.FormRule;
import nl.blijvendveilig.formdata.FormValues;
import org.springframework.stereotype.Component;

/**
 * Every child of the family has a vertrouwenspersoon in the veiligheidsplan (seed 004, fase 1). The
 * children are those of the case file: a stage holds the case number, not a copy of the melding.
 */
@Component
public class SafetyPlanRules implements FormRule {

  private final CaseFiles caseFiles;

  public SafetyPlanRules(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public String formId() {
    return "veiligheidsplan-opstellen";
  }

  @Override
  public void check(FormValues values, FieldErrors errors) {
    Set<String> covered = new HashSet<>();
    values.get("vertrouwenspersonen").forEach(p -> FormValues.text(p.path("kind"))
        .ifPresent(child -> covered.add(child.toLowerCase(Locale.ROOT))));
    for (Child child : values.text("zaaknummer").map(caseFiles::children).orElse(List.of())) {
      String name = child.firstName() == null ? "" : child.firstName();
      if (!name.isEmpty() && !covered.contains(name.toLowerCase(Locale.ROOT))) {
        errors.reject("vertrouwenspersonen", "Geef ook " + name + " een vertrouwenspersoon");
      }
    }
  }
}
