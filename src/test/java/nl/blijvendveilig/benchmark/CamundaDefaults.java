package nl.blijvendveilig.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baseline: Camunda's own defaults (Spring Boot starter 7.24 and engine) for every setting the
 * project may tune, passed on the command line of the baseline context so that they win over whatever
 * application.yaml says. A tuning key without a known default stops the run: add it here first.
 */
final class CamundaDefaults {

  static final Map<String, String> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put("camunda.bpm.history-level", "full");
    SETTINGS.put("camunda.bpm.id-generator", "strong");
    SETTINGS.put("camunda.bpm.job-executor-acquire-by-priority", "false");
    SETTINGS.put("camunda.bpm.metrics.enabled", "true");
    SETTINGS.put("camunda.bpm.metrics.db-reporter-activate", "true");
    SETTINGS.put("camunda.bpm.job-execution.core-pool-size", "3");
    SETTINGS.put("camunda.bpm.job-execution.max-pool-size", "10");
    SETTINGS.put("camunda.bpm.job-execution.queue-capacity", "3");
    SETTINGS.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "3");
    SETTINGS.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
    SETTINGS.put("camunda.bpm.job-execution.max-wait", "60000");
    SETTINGS.put("camunda.bpm.job-execution.lock-time-in-millis", "300000");
    SETTINGS.put("camunda.bpm.job-execution.backoff-time-in-millis", "0");
    SETTINGS.put("camunda.bpm.job-execution.max-backoff", "0");
    SETTINGS.put("camunda.bpm.job-execution.backoff-decrease-threshold", "100");
    SETTINGS.put("camunda.bpm.job-execution.wait-increase-factor", "2");
    SETTINGS.put("camunda.bpm.job-execution.deployment-aware", "false");
    SETTINGS.put("camunda.bpm.generic-properties.properties.jdbc-batch-processing", "true");
    SETTINGS.put("camunda.bpm.generic-properties.properties.task-metrics-enabled", "true");
    SETTINGS.put("camunda.bpm.generic-properties.properties.history-removal-time-strategy", "end");
    SETTINGS.put("camunda.bpm.generic-properties.properties.history-cleanup-strategy", "removalTimeBased");
    SETTINGS.put("camunda.bpm.generic-properties.properties.authorization-check-revokes", "auto");
    SETTINGS.put("spring.datasource.hikari.maximum-pool-size", "10");
    // the project's own history setting: Camunda's full history writes a detail row per variable change
    SETTINGS.put("blijvendveilig.history.variable-details", "true");
    SETTINGS.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "false");
  }

  private CamundaDefaults() {
  }

  /** Camunda's default for every tuned key, plus the keys the project itself may have tuned in application.yaml. */
  static Map<String, String> resetting(Map<String, String> tuned) {
    Map<String, String> baseline = new LinkedHashMap<>(SETTINGS);
    for (String key : tuned.keySet()) {
      if (!SETTINGS.containsKey(key) && !key.startsWith("logging.")) {
        throw new IllegalArgumentException("no Camunda default known for " + key + ": add it to CamundaDefaults");
      }
    }
    return baseline;
  }
}
