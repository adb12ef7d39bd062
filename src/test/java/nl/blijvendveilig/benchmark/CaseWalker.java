package nl.blijvendveilig.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks many cases at once, as a team of workers would: a few threads take whichever case has its next
 * task open, complete it through {@link TaskService#complete} as the worker of that role (the engine's
 * authorizations apply), and move on. A case whose next task is not there yet (an async plan update or
 * a timer still to be run by the job executor) is looked at again a little later; nothing here runs a
 * job itself.
 */
final class CaseWalker {

  /** One case to walk: which stage it is left in, and who is its jeugdbeschermer. */
  record Plan(Stage stage, String jeugdbeschermer) {
  }

  record Outcome(List<String> caseNumbers, Map<String, Stage> stages, int tasksCompleted, long emptyPolls,
      long lockRetries, double seconds) {
  }

  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("bench.stall-seconds", 120));

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Workers workers;
  private final Families families;

  CaseWalker(ProcessEngine engine, Workers workers, Families families) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.workers = workers;
    this.families = families;
  }

  private static final class Walk implements Delayed {
    final Plan plan;
    final List<CaseScript.Step> steps;
    String caseNumber;
    String rootId;
    int step = -1;
    int misses;
    long dueAt = System.nanoTime();
    long waitingSince = System.nanoTime();

    Walk(Plan plan) {
      this.plan = plan;
      this.steps = CaseScript.upTo(plan.stage());
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueAt - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueAt, ((Walk) other).dueAt);
    }
  }

  /** Walks every plan, at most {@code inFlight} at a time, with {@code threads} workers; returns when all are done. */
  Outcome walk(List<Plan> plans, int threads, int inFlight) throws InterruptedException {
    DelayQueue<Walk> queue = new DelayQueue<>();
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicLong emptyPolls = new AtomicLong();
    AtomicLong lockRetries = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<String> caseNumbers = Collections.synchronizedList(new ArrayList<>());
    Map<String, Stage> stages = new ConcurrentHashMap<>();
    int total = plans.size();

    long start = System.nanoTime();
    for (int i = 0; i < Math.min(inFlight, total); i++) {
      queue.add(new Walk(plans.get(admitted.getAndIncrement())));
    }
    List<Thread> pool = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        while (finished.get() < total && failure.get() == null) {
          Walk walk;
          try {
            walk = queue.poll(50, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            return;
          }
          if (walk == null) {
            continue;
          }
          try {
            boolean done = advance(walk, completed, emptyPolls, lockRetries);
            if (done) {
              caseNumbers.add(walk.caseNumber);
              stages.put(walk.caseNumber, walk.plan.stage());
              finished.incrementAndGet();
              int next = admitted.getAndIncrement();
              if (next < total) {
                queue.add(new Walk(plans.get(next)));
              }
            } else {
              queue.add(walk);
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, new IllegalStateException("case " + walk.caseNumber + " at step "
                + (walk.step < 0 ? "start" : walk.steps.size() > walk.step ? walk.steps.get(walk.step).taskKey() : "end")
                + ": " + e, e));
          }
        }
      }, "bench-walker-" + t);
      worker.start();
      pool.add(worker);
    }
    for (Thread worker : pool) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get().getMessage(), failure.get());
    }
    return new Outcome(List.copyOf(caseNumbers), Map.copyOf(stages), completed.get(), emptyPolls.get(), lockRetries.get(),
        (System.nanoTime() - start) / 1e9);
  }

  /** One move on a case; true when it has reached its stage. */
  private boolean advance(Walk walk, AtomicInteger completed, AtomicLong emptyPolls, AtomicLong lockRetries) {
    if (walk.step < 0) {
      Workers.Worker intake = workers.intake;
      var melding = families.melding();
      var root = as(intake, () -> runtime.startProcessInstanceByKey("jeugdbeschermingszaak", melding));
      walk.caseNumber = root.getBusinessKey();
      walk.rootId = root.getId();
      walk.step = 0;
      walk.waitingSince = System.nanoTime();
    }
    String awaited = walk.step < walk.steps.size() ? walk.steps.get(walk.step).taskKey() : walk.plan.stage().openTask;
    if (awaited == null) {
      // the whole lifecycle: done when the case process has ended
      if (runtime.createProcessInstanceQuery().processInstanceId(walk.rootId).count() == 0) {
        return true;
      }
      return later(walk, emptyPolls, "the end of the case");
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(walk.caseNumber).taskDefinitionKey(awaited)
        .listPage(0, 2);
    if (open.isEmpty()) {
      return later(walk, emptyPolls, awaited);
    }
    if (open.size() > 1) {
      throw new IllegalStateException("two open tasks " + awaited);
    }
    if (walk.step >= walk.steps.size()) {
      return true; // the stage's task is open: the case is left here
    }
    CaseScript.Step step = walk.steps.get(walk.step);
    Workers.Worker worker = workers.of(step.who(), walk.plan.jeugdbeschermer());
    String taskId = open.get(0).getId();
    for (int attempt = 1; ; attempt++) {
      try {
        as(worker, () -> {
          tasks.complete(taskId, step.form().apply(walk.plan.jeugdbeschermer()));
          return null;
        });
        break;
      } catch (OptimisticLockingException concurrentJob) {
        // the job executor changed the same process instance at this moment: the worker clicks again
        lockRetries.incrementAndGet();
        if (attempt == 20) {
          throw concurrentJob;
        }
        sleep(5L * attempt);
      }
    }
    completed.incrementAndGet();
    walk.step++;
    walk.misses = 0;
    walk.waitingSince = System.nanoTime();
    walk.dueAt = System.nanoTime();
    return false;
  }

  private boolean later(Walk walk, AtomicLong emptyPolls, String awaited) {
    emptyPolls.incrementAndGet();
    if (System.nanoTime() - walk.waitingSince > STALL_NANOS) {
      throw new IllegalStateException("waited " + STALL_NANOS / 1_000_000_000 + " s for " + awaited + "; open tasks: "
          + tasks.createTaskQuery().processInstanceBusinessKey(walk.caseNumber).listPage(0, 20).stream()
              .map(Task::getTaskDefinitionKey).toList());
    }
    walk.misses++;
    walk.dueAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(200, 5L << Math.min(walk.misses, 6)));
    return false;
  }

  private <T> T as(Workers.Worker worker, java.util.concurrent.Callable<T> call) {
    identity.setAuthentication(worker.id(), worker.groups());
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
