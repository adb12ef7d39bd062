package nl.blijvendveilig.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scale and settings of one benchmark run, from system properties ({@code -Dbench.cases=40000});
 * the defaults are the full run of issue 7.
 *
 * @param cases open cases spread over the stages for the Tasklist, case API and heap figures
 * @param lifecycles complete cases, melding to follow-up, measured per engine configuration
 * @param timers contact timers falling due at the same moment
 * @param threads driver threads (and raw-commit threads)
 * @param inFlight cases driven at the same time by those threads
 * @param warmup lifecycles run before measuring, in each application context, not counted
 * @param rawSeconds how long the raw one-row commit loop runs
 * @param samples requests per latency figure
 * @param baseline whether to run the second context on Camunda's default settings
 * @param profile {@code demo} (embedded PostgreSQL, demo users) or {@code postgres} (DB_URL, DB_USER, DB_PASSWORD)
 * @param tuned extra Spring properties of the measured ("tuned") context: {@code -Dbench.props=k=v,k=v}
 * @param spread weights of the stages the open cases are left in
 * @param janCases cases held by the demo jeugdbeschermer whose "my tasks" is measured (a caseload)
 * @param casesPerWorker cases per jeugdbeschermer for the rest of the caseload
 * @param realCases open cases walked the real path from the melding (the rest is started in its stage)
 * @param caseload false to measure the engine only (lifecycles, timers), without the caseload figures
 */
public record BenchConfig(int cases, int lifecycles, int timers, int threads, int inFlight, int warmup,
    int rawSeconds, int samples, boolean baseline, String profile, Map<String, String> tuned,
    Map<Stage, Integer> spread, int janCases, int casesPerWorker, int realCases,
    boolean caseload) {

  public static BenchConfig fromSystemProperties() {
    int threads = Integer.getInteger("bench.threads", 4);
    return new BenchConfig(
        Integer.getInteger("bench.cases", 40_000),
        Integer.getInteger("bench.lifecycles", 200),
        Integer.getInteger("bench.timers", 10_000),
        threads,
        Integer.getInteger("bench.inflight", threads * 8),
        Integer.getInteger("bench.warmup", 40),
        Integer.getInteger("bench.raw-seconds", 10),
        Integer.getInteger("bench.samples", 200),
        Boolean.parseBoolean(System.getProperty("bench.baseline", "true")),
        System.getProperty("bench.profile", "demo"),
        properties(System.getProperty("bench.props", "")),
        spread(System.getProperty("bench.spread", "melding:15,raad:15,fase1:25,fase2:25,fase3:10,borging:10")),
        // six families of two children: the norm of 12 children per jeugdbeschermer
        Integer.getInteger("bench.jan-cases", 6),
        Integer.getInteger("bench.cases-per-worker", 6),
        Integer.getInteger("bench.real-cases", 400),
        Boolean.parseBoolean(System.getProperty("bench.caseload", "true")));
  }

  public BenchConfig withScale(int cases, int realCases, int lifecycles, int timers, int warmup, int rawSeconds,
      int samples) {
    return new BenchConfig(cases, lifecycles, timers, threads, inFlight, warmup, rawSeconds, samples, baseline, profile,
        tuned, spread, janCases, casesPerWorker, Math.min(realCases, cases), caseload);
  }

  public boolean embedded() {
    return !"postgres".equals(profile);
  }

  static Map<String, String> properties(String list) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      if (!pair.isBlank()) {
        int eq = pair.indexOf('=');
        properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return properties;
  }

  static Map<Stage, Integer> spread(String list) {
    Map<Stage, Integer> weights = new LinkedHashMap<>();
    properties(list.replace(':', '=')).forEach((stage, weight) -> weights.put(Stage.valueOf(stage.toUpperCase()),
        Integer.parseInt(weight)));
    return weights;
  }

  @Override
  public String toString() {
    return "cases=%d (walked %d) lifecycles=%d timers=%d threads=%d inflight=%d warmup=%d profile=%s"
        .formatted(cases, Math.min(realCases, cases), lifecycles, timers, threads, inFlight, warmup, profile);
  }
}
