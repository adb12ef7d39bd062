package nl.blijvendveilig.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open cases of a national caseload, spread over the stages by weight and interleaved (so every
 * stage fills up at the same pace), each assigned case held by a jeugdbeschermer with a caseload of
 * their own; the measured jeugdbeschermer holds a few of every stage.
 */
final class Caseload {

  final List<CaseWalker.Plan> plans;
  final int lastWorker;

  private Caseload(List<CaseWalker.Plan> plans, int lastWorker) {
    this.plans = plans;
    this.lastWorker = lastWorker;
  }

  /** Jeugdbeschermers are numbered from {@code firstWorker}; {@link #lastWorker} is the highest used. */
  static Caseload of(int cases, Map<Stage, Integer> weights, String measured, int measuredCases, int casesPerWorker,
      int firstWorker) {
    List<Stage> cycle = cycle(weights);
    List<Stage> stages = new ArrayList<>();
    // one of every stage first, so even a small caseload has them all
    for (Stage stage : weights.keySet()) {
      if (stages.size() < cases && weights.get(stage) > 0) {
        stages.add(stage);
      }
    }
    for (int i = 0; stages.size() < cases; i++) {
      stages.add(cycle.get(i % cycle.size()));
    }
    long assigned = stages.stream().filter(Stage::hasJeugdbeschermer).count();
    long stride = Math.max(1, assigned / Math.max(1, measuredCases));
    List<CaseWalker.Plan> plans = new ArrayList<>();
    int a = 0;
    int toMeasured = 0;
    int others = 0;
    for (Stage stage : stages) {
      String jb = null;
      if (stage.hasJeugdbeschermer()) {
        if (toMeasured < measuredCases && a % stride == 0) {
          jb = measured;
          toMeasured++;
        } else {
          jb = Workers.jeugdbeschermer(firstWorker + others++ / casesPerWorker);
        }
        a++;
      }
      plans.add(new CaseWalker.Plan(stage, jb));
    }
    return new Caseload(plans, firstWorker + Math.max(0, others - 1) / casesPerWorker);
  }

  /** The stages in an order where each appears as often as its weight, spread evenly. */
  static List<Stage> cycle(Map<Stage, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    List<Stage> cycle = new ArrayList<>();
    Map<Stage, Double> credit = new java.util.EnumMap<>(Stage.class);
    for (int i = 0; i < total; i++) {
      weights.forEach((stage, weight) -> credit.merge(stage, weight / (double) total, Double::sum));
      Stage next = credit.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      credit.merge(next, -1.0, Double::sum);
      cycle.add(next);
    }
    return cycle;
  }

  long count(Stage stage) {
    return plans.stream().filter(p -> p.stage() == stage).count();
  }
}
