package nl.blijvendveilig.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The open caseload of the Tasklist, case API and heap figures, in two parts.
 *
 * <p><b>Walked cases</b> ({@code -Dbench.real-cases}, spread over the stages like the rest) go the
 * real path from the melding, every task completed by its worker; they hold the measured
 * jeugdbeschermer's cases and show what a real case costs to get where it is.
 *
 * <p><b>The rest</b> is created as the engine holds such a case in that stage: a melding at intake is
 * a real melding; a case further on is the stage's own process (Raad, a phase with the measure watch
 * beside it, borging), started directly at the point the walked cases reached, with the variables a
 * walked case's stage holds there (taken from one of them, only the jeugdbeschermer and the case
 * number changed). The tasks, due dates, candidate groups, assignees, authorizations and timers are
 * those of a walked case; what is missing is the case's parent instances and its history so far.
 * Walking every case would take hours on two cores (the figure is printed).
 */
final class CaseloadBuilder {

  /** Where a stage's own process starts so that it is in the same state as a walked case's. */
  record StageStart(String processKey, List<String> startBefore, boolean withMeasureWatch) {
  }

  static final Map<Stage, StageStart> STARTS = new LinkedHashMap<>();

  static {
    STARTS.put(Stage.RAAD, new StageStart("raad-en-kinderrechter", List.of("Task_RegisterRaadStarted"), false));
    STARTS.put(Stage.FASE1, new StageStart("fase-1-verbinden-en-motiveren", List.of(), true));
    STARTS.put(Stage.FASE2, new StageStart("fase-2-ondersteunen-en-regie-voeren", List.of(), true));
    STARTS.put(Stage.FASE3, new StageStart("fase-3-generaliseren-en-borgen",
        List.of("Task_CheckFamilyOwnsSafety", "Gateway_NextContact"), true));
    STARTS.put(Stage.BORGING, new StageStart("borging-en-afsluiting", List.of("Task_HandOver"), false));
  }

  static final String WATCH = "maatregel-bewaken";

  record Result(int walked, CaseWalker.Outcome walk, CpuMeter.Reading walkCpu, int started, double startSeconds,
      CpuMeter.Reading startCpu, double seconds) {
  }

  private final ProcessEngine engine;
  private final Workers workers;
  private final Families families;
  private final CpuMeter cpu;

  CaseloadBuilder(ProcessEngine engine, Workers workers, Families families, CpuMeter cpu) {
    this.engine = engine;
    this.workers = workers;
    this.families = families;
    this.cpu = cpu;
  }

  Result build(Caseload walked, Caseload started, int threads, int inFlight) throws Exception {
    long start = System.nanoTime();
    CpuMeter.Reading before = cpu.read();
    CaseWalker.Outcome walk = new CaseWalker(engine, workers, families).walk(walked.plans, threads, inFlight);
    CpuMeter.Reading walkCpu = cpu.read().minus(before);

    Map<Stage, VariableMap> stageTemplates = new LinkedHashMap<>();
    Map<Stage, VariableMap> watchTemplates = new LinkedHashMap<>();
    for (Map.Entry<Stage, StageStart> e : STARTS.entrySet()) {
      if (started.count(e.getKey()) == 0) {
        continue;
      }
      String sample = sample(walked, walk, e.getKey());
      stageTemplates.put(e.getKey(), variablesOf(sample, e.getValue().processKey()));
      if (e.getValue().withMeasureWatch()) {
        watchTemplates.put(e.getKey(), variablesOf(sample, WATCH));
      }
    }

    long startsBegin = System.nanoTime();
    CpuMeter.Reading startsBefore = cpu.read();
    RuntimeService runtime = engine.getRuntimeService();
    AtomicInteger number = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (CaseWalker.Plan plan : started.plans) {
        done.add(pool.submit(() -> {
          if (plan.stage() == Stage.MELDING) {
            engine.getIdentityService().setAuthentication(workers.intake.id(), workers.intake.groups());
            try {
              runtime.startProcessInstanceByKey("jeugdbeschermingszaak", families.melding());
            } finally {
              engine.getIdentityService().clearAuthentication();
            }
            return null;
          }
          String caseNumber = "BENCH-%06d".formatted(number.incrementAndGet());
          StageStart stage = STARTS.get(plan.stage());
          start(runtime, stage.processKey(), stage.startBefore(), caseNumber,
              personal(stageTemplates.get(plan.stage()), caseNumber, plan.jeugdbeschermer()));
          if (stage.withMeasureWatch()) {
            start(runtime, WATCH, List.of(), caseNumber,
                personal(watchTemplates.get(plan.stage()), caseNumber, plan.jeugdbeschermer()));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double startSeconds = (System.nanoTime() - startsBegin) / 1e9;
    CpuMeter.Reading startCpu = cpu.read().minus(startsBefore);
    return new Result(walked.plans.size(), walk, walkCpu, started.plans.size(), startSeconds, startCpu,
        (System.nanoTime() - start) / 1e9);
  }

  private static void start(RuntimeService runtime, String processKey, List<String> startBefore, String caseNumber,
      VariableMap variables) {
    ProcessInstantiationBuilder builder = runtime.createProcessInstanceByKey(processKey).businessKey(caseNumber)
        .setVariables(variables);
    for (String activity : startBefore) {
      builder.startBeforeActivity(activity);
    }
    builder.execute();
  }

  /** A walked case that reached this stage. */
  private static String sample(Caseload walked, CaseWalker.Outcome walk, Stage stage) {
    // the walker reports case numbers in the order the cases reached their stage, not in plan order
    for (String caseNumber : walk.caseNumbers()) {
      if (stageOf(walked, walk, caseNumber) == stage) {
        return caseNumber;
      }
    }
    throw new IllegalStateException("no walked case in stage " + stage + ": raise bench.real-cases");
  }

  private static Stage stageOf(Caseload walked, CaseWalker.Outcome walk, String caseNumber) {
    return walk.stages().get(caseNumber);
  }

  /** The variables of that case's running instance of this process, as stored (JSON stays JSON). */
  private VariableMap variablesOf(String caseNumber, String processKey) {
    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey(processKey).listPage(0, 2);
    if (instances.size() != 1) {
      throw new IllegalStateException(caseNumber + " has " + instances.size() + " running " + processKey);
    }
    return engine.getRuntimeService().getVariablesLocalTyped(instances.get(0).getId(), false);
  }

  private static VariableMap personal(VariableMap template, String caseNumber, String jeugdbeschermer) {
    VariableMap variables = Variables.createVariables();
    variables.putAll(template);
    for (String name : List.of("regisseur", "jeugdbeschermer")) {
      if (variables.containsKey(name) && jeugdbeschermer != null) {
        variables.putValue(name, jeugdbeschermer);
      }
    }
    for (String name : List.of("zaaknummer", "caseNumber")) {
      if (variables.containsKey(name)) {
        variables.putValue(name, caseNumber);
      }
    }
    return variables;
  }
}
