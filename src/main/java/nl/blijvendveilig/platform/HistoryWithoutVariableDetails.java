package nl.blijvendveilig.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History level "full", without a row in {@code ACT_HI_DETAIL} for every change of every process
 * variable. Everything else of full history stays: process, activity and task instances, the last
 * value of each variable ({@code ACT_HI_VARINST}), who did what (operation log), identity links,
 * decisions, incidents and the job log. The content history of a case is the gezinsplan's revisions
 * (append-only, with author and reason); the variable details were a second, unread copy of every
 * form a worker submitted, children's personal data included, and the engine's most frequent write
 * (src/docs/benchmark.md: 308 of 3,015 statements per case).
 *
 * <p>The level keeps full's id (3), so a database set up with full history runs on unchanged, and
 * Cockpit and the REST API see full history. {@code blijvendveilig.history.variable-details=true}
 * turns the details back on (Camunda's own full history).
 */
@Component
public class HistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

  private final boolean variableDetails;

  public HistoryWithoutVariableDetails(
      @Value("${blijvendveilig.history.variable-details:false}") boolean variableDetails) {
    this.variableDetails = variableDetails;
  }

  /** After the engine has settled its history level from {@code camunda.bpm.history-level}; another level than full stays. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!variableDetails && HistoryLevel.HISTORY_LEVEL_FULL.equals(configuration.getHistoryLevel())) {
      configuration.setHistoryLevel(new FullWithoutVariableDetails());
    }
  }

  static final class FullWithoutVariableDetails extends HistoryLevelFull {
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
  }
}
