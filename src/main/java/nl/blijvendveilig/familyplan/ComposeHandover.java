package nl.blijvendveilig.familyplan;

import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Overdrachtsdocument opstellen": the handover document composed from the latest plan and kept as it
 * was handed over, so the jeugdteam reads what the jeugdbeschermer saw.
 */
@Component("composeHandover")
public class ComposeHandover implements JavaDelegate {

  private final HandoverDocument document;
  private final PlanRevisions revisions;
  private final FamilyPlans plans;
  private final JdbcClient jdbc;

  public ComposeHandover(HandoverDocument document, PlanRevisions revisions, FamilyPlans plans, JdbcClient jdbc) {
    this.document = document;
    this.revisions = revisions;
    this.plans = plans;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String html = document.html(caseNumber);
    int revision = revisions.latest(caseNumber).map(Revision::number).orElse(0);
    jdbc.sql("delete from bv_handover where case_number = ?").param(caseNumber).update();
    jdbc.sql("insert into bv_handover (case_number, created_at, revision, html) values (?, ?, ?, ?)")
        .params(caseNumber, Timestamp.from(plans.now()), revision, html).update();
  }
}
