package nl.blijvendveilig.intake;

import java.time.ZoneId;
import java.util.Date;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.casefile.CaseNumbers;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.formdata.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Zaak openen": gives the melding its case number (the business key), writes the case file and sets
 * the few variables the process routes and shows on: the deadlines and whether a threat is acute.
 */
@Component("openCase")
public class OpenCase implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OpenCase.class);

  private final CaseNumbers caseNumbers;
  private final CaseFiles caseFiles;
  private final Deadlines deadlines;

  public OpenCase(CaseNumbers caseNumbers, CaseFiles caseFiles, Deadlines deadlines) {
    this.caseNumbers = caseNumbers;
    this.caseFiles = caseFiles;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Melding melding = Melding.from(FormValues.of(execution.getVariables()));
    Date receivedAt = deadlines.now();
    String caseNumber = caseNumbers.next();

    execution.setProcessBusinessKey(caseNumber);
    caseFiles.open(caseNumber, melding.familyName(), melding.city(), receivedAt, execution.getProcessInstanceId(),
        melding.acuteThreat(), melding.children());

    execution.setVariable("zaaknummer", caseNumber);
    execution.setVariable("meldingOntvangenOp", receivedAt);
    execution.setVariable("acuteDreiging", melding.acuteThreat());
    execution.setVariable("aantalKinderen", melding.children().size());
    execution.setVariable("jongsteKindLeeftijd",
        melding.youngestChildAge(receivedAt.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate()));
    execution.setVariable("veiligstellenDeadline", deadlines.acuteSafety(receivedAt));
    execution.setVariable("beoordelingDeadline", deadlines.safetyAssessment(receivedAt));
    LOG.info("Case {} opened (acute threat: {})", caseNumber, melding.acuteThreat());
  }
}
