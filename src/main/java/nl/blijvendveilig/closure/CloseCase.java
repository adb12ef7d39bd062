package nl.blijvendveilig.closure;

import java.util.Date;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.deadlines.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Zaak afsluiten": the handover is done and the measure, if any, has ended; or the case ends right
 * after the assessment or without a measure (a listener on those end events). The case file records
 * when and why, which is what the re-entry rule and the dashboard look at.
 */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CloseCase.class);

  private final CaseFiles caseFiles;
  private final Deadlines deadlines;

  public CloseCase(CaseFiles caseFiles, Deadlines deadlines) {
    this.caseFiles = caseFiles;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = deadlines.now();
    String reason = reason(execution);
    caseFiles.close(execution.getProcessBusinessKey(), now, reason);
    execution.setVariable("zaakAfgeslotenOp", now);
    execution.setVariable("redenAfsluiting", reason);
    LOG.info("Case {} closed: {}", execution.getProcessBusinessKey(), reason);
  }

  static String reason(DelegateExecution execution) {
    if ("EndEvent_ClosedAfterAssessment".equals(execution.getCurrentActivityId())) {
      return "afgesloten na beoordeling";
    }
    if ("EndEvent_ClosedWithoutMeasure".equals(execution.getCurrentActivityId())) {
      return "geen maatregel, afgesloten";
    }
    if (!"ja".equals(execution.getVariable("maatregelUitgesproken"))) {
      return "vrijwillig traject afgerond";
    }
    if ("ja".equals(execution.getVariable("opheffingToegewezen"))) {
      return "maatregel opgeheven";
    }
    return "maatregel afgelopen";
  }
}
