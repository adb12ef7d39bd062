package nl.blijvendveilig.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of the README at a few hundred cases, so it cannot rot: every figure of the BENCH line
 * is there and positive, every lifecycle closed, no timer lost or run twice. Never a timing: the
 * figures of a small run on a shared machine mean nothing.
 */
class BenchmarkSmokeIT {

  static final List<String> FIGURES = List.of("raw_commits_per_s", "lifecycles_per_s", "commits_per_lifecycle",
      "efficiency", "baseline_lifecycles_per_s", "baseline_timer_drain_per_s", "timer_drain_per_s", "tasklist_p50_ms",
      "tasklist_p95_ms", "case_api_p95_ms", "startup_s", "heap_mb");

  @Test
  void theBenchmarkPrintsEveryFigureAtSmallScale() throws Exception {
    System.setProperty("bench.wake-job-executor", "true"); // no waiting for an idle job executor's next poll
    BenchConfig config = BenchConfig.fromSystemProperties()
        .withScale(200, 10, 5, 200, 0, 1, 20);

    Map<String, String> bench = new Benchmark(config, System.out).run();

    for (String figure : FIGURES) {
      assertThat(bench).as("BENCH line").containsKey(figure);
      assertThat(Double.parseDouble(bench.get(figure))).as(figure).isPositive();
    }
    assertThat(bench.get("lifecycles_run")).as("lifecycles in both contexts").isEqualTo("10");
    assertThat(bench.get("lifecycles_closed")).as("lifecycles closed").isEqualTo(bench.get("lifecycles_run"));
    assertThat(bench.get("timers_lost")).as("timers lost").isEqualTo("0");
    assertThat(bench.get("timers_twice")).as("timers run twice").isEqualTo("0");
  }
}
