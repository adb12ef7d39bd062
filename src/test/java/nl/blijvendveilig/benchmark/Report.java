package nl.blijvendveilig.benchmark;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.blijvendveilig.benchmark.Benchmark.CaseloadFigures;
import nl.blijvendveilig.benchmark.Benchmark.EngineFigures;

/** The figures of a run: the BENCH line's key=value pairs and the readable table. */
final class Report {

  private final BenchConfig config;
  private final long runStart;

  Report(BenchConfig config, long runStart) {
    this.config = config;
    this.runStart = runStart;
  }

  Map<String, String> figures(EngineFigures tuned, EngineFigures baseline, CaseloadFigures open) {
    Latency.Result latency = open == null ? null : open.latency();
    CaseloadBuilder.Result caseload = open == null ? null : open.caseload();
    long heapMb = open == null ? -1 : open.heapMb();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("raw_commits_per_s", num(tuned.raw(), 0));
    f.put("lifecycles_per_s", num(tuned.lifecyclesPerSecond(), 2));
    f.put("commits_per_lifecycle", num(tuned.commitsPerLifecycle(), 1));
    f.put("efficiency", num(tuned.efficiency(), 3));
    f.put("baseline_lifecycles_per_s", baseline == null ? "NA" : num(baseline.lifecyclesPerSecond(), 2));
    f.put("baseline_timer_drain_per_s", baseline == null ? "NA" : num(baseline.drain().perSecond(), 0));
    f.put("timer_drain_per_s", num(tuned.drain().perSecond(), 0));
    f.put("tasklist_p50_ms", latency == null ? "NA" : num(latency.tasklist().p50(), 1));
    f.put("tasklist_p95_ms", latency == null ? "NA" : num(latency.tasklist().p95(), 1));
    f.put("case_api_p95_ms", latency == null ? "NA" : num(latency.casePlan().p95(), 1));
    f.put("startup_s", num(tuned.startup(), 1));
    f.put("heap_mb", latency == null ? "NA" : Long.toString(heapMb));
    f.put("lifecycle_ratio", baseline == null ? "NA" : num(tuned.lifecyclesPerSecond() / baseline.lifecyclesPerSecond(), 2));
    f.put("timer_ratio", baseline == null ? "NA" : num(tuned.drain().perSecond() / baseline.drain().perSecond(), 2));
    f.put("baseline_commits_per_lifecycle", baseline == null ? "NA" : num(baseline.commitsPerLifecycle(), 1));
    f.put("baseline_efficiency", baseline == null ? "NA" : num(baseline.efficiency(), 3));
    f.put("statements_per_lifecycle", num(tuned.statementsPerLifecycle(), 0));
    f.put("my_tasks_p95_ms", latency == null ? "NA" : num(latency.myTasks().p95(), 1));
    f.put("group_tasks_p95_ms", latency == null ? "NA" : num(latency.groupTasks().p95(), 1));
    f.put("case_api_p50_ms", latency == null ? "NA" : num(latency.casePlan().p50(), 1));
    f.put("timer_wake_s", num(tuned.drain().wakeSeconds(), 1));
    f.put("cpu_ms_per_lifecycle", num(tuned.cpuMsPerLifecycle(), 0));
    f.put("baseline_cpu_ms_per_lifecycle", baseline == null ? "NA" : num(baseline.cpuMsPerLifecycle(), 0));
    f.put("cpu_ms_per_timer", num(tuned.cpuMsPerTimer(), 1));
    f.put("baseline_cpu_ms_per_timer", baseline == null ? "NA" : num(baseline.cpuMsPerTimer(), 1));
    f.put("acquisition_ms", open == null ? "NA" : num(open.acquisitionMs(), 1));
    f.put("authorizations", open == null ? "NA" : Long.toString(open.authorizations().rows()));
    f.put("auth_group_scan_ms", open == null ? "NA" : num(open.authorizations().scanMs(), 1));
    f.put("auth_group_scan_not_null_ms", open == null ? "NA" : num(open.authorizations().notNullScanMs(), 1));
    f.put("auth_group_scan_per_request_ms", open == null ? "NA" : num(open.authorizations().perRequestMs(), 1));
    f.put("authorizations_left_per_lifecycle", num(tuned.authorizationsLeftPerLifecycle(), 1));
    f.put("caseload_s", caseload == null ? "NA" : num(caseload.seconds(), 0));
    f.put("walked_case_cpu_ms", caseload == null ? "NA"
        : num(caseload.walkCpu().total() * 1000 / Math.max(1, caseload.walked()), 0));
    f.put("walked_caseload_estimate_h", caseload == null ? "NA" : num(walkedEstimateHours(caseload), 1));
    f.put("lifecycles_closed", Long.toString(tuned.closed() + (baseline == null ? 0 : baseline.closed())));
    f.put("lifecycles_run", Integer.toString(tuned.lifecycles().caseNumbers().size()
        + (baseline == null ? 0 : baseline.lifecycles().caseNumbers().size())));
    f.put("timers_lost", Long.toString(tuned.drain().lost() + (baseline == null ? 0 : baseline.drain().lost())));
    f.put("timers_twice", Long.toString(tuned.drain().twice() + (baseline == null ? 0 : baseline.drain().twice())));
    f.put("cases", Integer.toString(config.cases()));
    f.put("lifecycles", Integer.toString(config.lifecycles()));
    f.put("timers", Integer.toString(config.timers()));
    f.put("threads", Integer.toString(config.threads()));
    f.put("run_s", num((System.nanoTime() - runStart) / 1e9, 0));
    return f;
  }

  String table(Map<String, String> settings, EngineFigures tuned, EngineFigures baseline, CaseloadFigures open,
      Caseload walked, Caseload started, String load) {
    StringBuilder t = new StringBuilder();
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    t.append("\nBlijvend Veilig benchmark, ").append(date).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, PostgreSQL ")
        .append(settings.get("server_version")).append(" (synchronous_commit=").append(settings.get("synchronous_commit"))
        .append(")\n");
    t.append("scale: ").append(config).append('\n');
    t.append("machine load average (1/5/15 min) at start -> end: ").append(load).append('\n');
    t.append("tuning: ").append(config.tuned().isEmpty() ? "none (application.yaml as is)" : config.tuned()).append('\n');
    t.append(row("figure", "measured", "baseline", "goal"));
    t.append(row("raw one-row commits/s (" + config.threads() + " threads)", num(tuned.raw(), 0),
        baseline == null ? "" : num(baseline.raw(), 0), ""));
    t.append(row("lifecycles/s (" + config.lifecycles() + ", melding to follow-up)", num(tuned.lifecyclesPerSecond(), 2),
        baseline == null ? "" : num(baseline.lifecyclesPerSecond(), 2), ">= 1.5 x baseline"));
    t.append(row("commits per lifecycle", num(tuned.commitsPerLifecycle(), 1),
        baseline == null ? "" : num(baseline.commitsPerLifecycle(), 1), ""));
    t.append(row("efficiency", num(tuned.efficiency(), 3), baseline == null ? "" : num(baseline.efficiency(), 3),
        ">= 0.2"));
    t.append(row("CPU ms per lifecycle (JVM + PostgreSQL)", num(tuned.cpuMsPerLifecycle(), 0),
        baseline == null ? "" : num(baseline.cpuMsPerLifecycle(), 0), ""));
    t.append(row("SQL statements per lifecycle", num(tuned.statementsPerLifecycle(), 0),
        baseline == null ? "" : num(baseline.statementsPerLifecycle(), 0), ""));
    t.append(row("tasks / empty polls / lock retries per lifecycle",
        perLifecycle(tuned), baseline == null ? "" : perLifecycle(baseline), ""));
    t.append(row("authorizations left behind per closed case", num(tuned.authorizationsLeftPerLifecycle(), 1),
        baseline == null ? "" : num(baseline.authorizationsLeftPerLifecycle(), 1), ""));
    t.append(row("jobs per lifecycle (job log)", jobs(tuned), baseline == null ? "" : jobs(baseline), ""));
    t.append(row("timer drain/s (" + config.timers() + " due at once)", num(tuned.drain().perSecond(), 0),
        baseline == null ? "" : num(baseline.drain().perSecond(), 0), ">= 2 x baseline"));
    t.append(row("  CPU ms per timer (JVM + PostgreSQL)", num(tuned.cpuMsPerTimer(), 1),
        baseline == null ? "" : num(baseline.cpuMsPerTimer(), 1), ""));
    t.append(row("  job executor wake-up after due (s)", num(tuned.drain().wakeSeconds(), 1),
        baseline == null ? "" : num(baseline.drain().wakeSeconds(), 1), ""));
    t.append(row("timers lost / run twice", tuned.drain().lost() + " / " + tuned.drain().twice(),
        baseline == null ? "" : baseline.drain().lost() + " / " + baseline.drain().twice(), "0 / 0"));
    t.append(row("startup to Tasklist 200 (s)", num(tuned.startup(), 1),
        baseline == null ? "" : num(baseline.startup(), 1) + " (warm JVM)", "< 20 (cold JVM)"));
    if (open != null) {
      CaseloadBuilder.Result caseload = open.caseload();
      Latency.Result latency = open.latency();
      t.append(row("open cases created (s)", num(caseload.seconds(), 0) + " ("
          + num(config.cases() / caseload.seconds(), 1) + "/s)", "", ""));
      t.append(row("  walked from the melding: cases / s / CPU ms each", caseload.walked() + " / "
          + num(caseload.walk().seconds(), 0) + " / "
          + num(caseload.walkCpu().total() * 1000 / Math.max(1, caseload.walked()), 0), "", ""));
      t.append(row("  started in their stage: cases / s / CPU ms each", caseload.started() + " / "
          + num(caseload.startSeconds(), 0) + " / "
          + num(caseload.startCpu().total() * 1000 / Math.max(1, caseload.started()), 0), "", ""));
      t.append(row("  all walked from the melding would take (h)", num(walkedEstimateHours(caseload), 1), "", ""));
      t.append(row("Tasklist p50 / p95 (ms)", num(latency.tasklist().p50(), 1) + " / "
          + num(latency.tasklist().p95(), 1), "", "p95 < 50"));
      t.append(row("  my tasks (assignee) p50 / p95", num(latency.myTasks().p50(), 1) + " / "
          + num(latency.myTasks().p95(), 1), "", ""));
      t.append(row("  group tasks (candidateGroup) p50 / p95", num(latency.groupTasks().p50(), 1) + " / "
          + num(latency.groupTasks().p95(), 1), "", ""));
      t.append(row("case API plan p50 / p95 (ms)", num(latency.casePlan().p50(), 1) + " / "
          + num(latency.casePlan().p95(), 1), "", "p95 < 50"));
      t.append(row("  authorization rows / group scan ms (is not null)", open.authorizations().rows() + " / "
          + num(open.authorizations().scanMs(), 1) + " (" + num(open.authorizations().notNullScanMs(), 1) + ")", "", ""));
      t.append(row("  group scan ms per Tasklist/API request", num(open.authorizations().perRequestMs(), 1), "", ""));
      t.append(row("  job acquisition query at this caseload (ms)", num(open.acquisitionMs(), 1), "", ""));
      t.append(row("heap after GC (MiB)", Long.toString(open.heapMb()), "", "< 1024"));
      t.append("open cases by stage: walked ").append(stages(walked)).append("; started ").append(stages(started))
          .append('\n');
    }
    t.append("SQL per lifecycle (tuned), most frequent first (target/benchmark/tuned-statements.txt):\n");
    int lifecycles = tuned.lifecycles().caseNumbers().size();
    tuned.statements().stream().limit(12).forEach(s -> t.append(String.format(Locale.ROOT, "  %6.1f  %6.3f ms  %s%n",
        s.calls() / (double) lifecycles, s.totalMs() / Math.max(1, s.calls()), abbreviate(s.query(), 110))));
    return t.toString();
  }

  /** What walking the whole caseload from the melding would take on all cores, at the walked cases' CPU cost. */
  private double walkedEstimateHours(CaseloadBuilder.Result caseload) {
    if (caseload.walked() == 0) {
      return 0;
    }
    double cpuPerCase = caseload.walkCpu().total() / caseload.walked();
    return cpuPerCase * config.cases() / Runtime.getRuntime().availableProcessors() / 3600;
  }

  private static String perLifecycle(EngineFigures f) {
    double n = f.lifecycles().caseNumbers().size();
    return num(f.lifecycles().tasksCompleted() / n, 0) + " / " + num(f.lifecycles().emptyPolls() / n, 1) + " / "
        + num(f.lifecycles().lockRetries() / n, 2);
  }

  private static String jobs(EngineFigures f) {
    double n = f.lifecycles().caseNumbers().size();
    return f.jobsPerType().entrySet().stream()
        .map(e -> e.getKey().replace("async-continuation", "async").replace("timer-intermediate-transition", "timer")
            + " " + num(e.getValue() / n, 1))
        .collect(Collectors.joining(", "));
  }

  private static String row(String figure, String measured, String baseline, String goal) {
    return String.format(Locale.ROOT, "%-50s %-18s %-18s %s%n", figure, measured, baseline, goal);
  }

  static String stages(Caseload caseload) {
    StringBuilder s = new StringBuilder();
    for (Stage stage : Stage.values()) {
      long n = caseload.count(stage);
      if (n > 0) {
        s.append(stage.name().toLowerCase()).append(' ').append(n).append(' ');
      }
    }
    return s.toString().trim();
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 3) + "...";
  }

  static String num(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
