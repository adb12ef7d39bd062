package nl.blijvendveilig.intake;

import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.casefile.CaseNumbers;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Zaak openen". A family with an open case never gets a second one: the melding joins that case
 * ({@code bestaandeZaak}). Otherwise the melding gets its case number (the business key) and case
 * file, marked as a re-entry when one of the children had a case closed within the re-entry window,
 * and the few variables the process routes and shows on: deadlines, acute threat, who directs.
 */
@Component("openCase")
public class OpenCase implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OpenCase.class);

  private final CaseNumbers caseNumbers;
  private final CaseFiles caseFiles;
  private final Deadlines deadlines;
  private final Period reentryWindow;

  public OpenCase(CaseNumbers caseNumbers, CaseFiles caseFiles, Deadlines deadlines,
      @Value("${blijvendveilig.case.reentry-window:P12M}") String reentryWindow) {
    this.caseNumbers = caseNumbers;
    this.caseFiles = caseFiles;
    this.deadlines = deadlines;
    this.reentryWindow = Period.parse(reentryWindow);
  }

  @Override
  public void execute(DelegateExecution execution) {
    Melding melding = Melding.from(FormValues.of(execution.getVariables()));
    Date receivedAt = deadlines.now();
    execution.setVariable("meldingOntvangenOp", receivedAt);
    execution.setVariable("acuteDreiging", melding.acuteThreat());

    Optional<String> openCase = caseFiles.openCaseOf(melding.children());
    execution.setVariable("bestaandeZaak", openCase.orElse(null));
    if (openCase.isPresent()) {
      execution.setProcessBusinessKey(openCase.get());
      execution.setVariable("zaaknummer", openCase.get());
      LOG.info("Melding joins open case {}", openCase.get());
      return;
    }

    Date reentryFrom = Date.from(receivedAt.toInstant().atZone(Deadlines.NETHERLANDS).minus(reentryWindow).toInstant());
    Optional<String> reentryOf = caseFiles.caseClosedAfter(melding.children(), reentryFrom);
    String caseNumber = caseNumbers.next();
    execution.setProcessBusinessKey(caseNumber);
    caseFiles.open(caseNumber, melding.familyName(), melding.city(), melding.postcode(), receivedAt, execution.getProcessInstanceId(),
        melding.acuteThreat(), melding.children(), reentryOf.orElse(null));

    execution.setVariable("zaaknummer", caseNumber);
    execution.setVariable("herhaaldeMelding", reentryOf.isPresent());
    execution.setVariable("aantalKinderen", melding.children().size());
    execution.setVariable("jongsteKindLeeftijd",
        melding.youngestChildAge(receivedAt.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate()));
    execution.setVariable("veiligstellenDeadline", deadlines.acuteSafety(receivedAt));
    execution.setVariable("beoordelingDeadline", deadlines.safetyAssessment(receivedAt));
    // until a jeugdbeschermer is assigned, the intake team directs the case
    execution.setVariable("regieGroep", "intake");
    execution.setVariable("regisseur", null);
    LOG.info("Case {} opened (acute threat: {}, re-entry: {})", caseNumber, melding.acuteThreat(), reentryOf.isPresent());
  }
}
