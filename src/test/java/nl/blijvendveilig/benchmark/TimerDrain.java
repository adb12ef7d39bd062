package nl.blijvendveilig.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Monday morning: many contact timers due at the same moment, drained by the job executor.
 *
 * <p>Each timer is the contact timer of a fase 2 ("Volgend contactmoment", its interval decided by
 * contactfrequentie.dmn: two weeks at safety score 6), started directly as the phase's own process so
 * that setting up ten thousand of them takes minutes, not the whole path to fase 2. They are started
 * with the engine clock two weeks and an hour in the past; putting the clock right makes all of them
 * due at once, and nothing else in the database (whose timers are days ahead of real time). When the
 * job executor is done, every case must have exactly one contact task and every timer job exactly one
 * successful run in the job log: none lost, none run twice.
 */
final class TimerDrain {

  static final String PHASE = "fase-2-ondersteunen-en-regie-voeren";
  static final String TIMER = "Timer_NextContactDue";

  /**
   * @param seconds from the first timer run to the last (the drain rate)
   * @param wakeSeconds from the moment all are due until the job executor runs the first: its idle wait
   */
  record Result(int timers, double seconds, double wakeSeconds, double setupSeconds, CpuMeter.Reading cpu, long tasks, long casesWithTask, long successfulRuns,
      long jobsRun, long failedRuns, long left) {

    double perSecond() {
      return timers / seconds;
    }

    long lost() {
      return timers - casesWithTask + left;
    }

    long twice() {
      return (tasks - casesWithTask) + (successfulRuns - jobsRun);
    }
  }

  private TimerDrain() {
  }

  /** {@code atDue} runs when the set-up is done, just before the timers fall due (to reset statement counts). */
  static Result run(ProcessEngine engine, BenchDatabase.Db db, String prefix, int timers, int threads, CpuMeter meter,
      Runnable atDue) throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    long setupStart = System.nanoTime();
    ClockUtil.offset(-Duration.ofDays(14).plusHours(1).toMillis());
    try {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < timers; i++) {
          String caseNumber = prefix + i;
          started.add(pool.submit(() -> runtime.createProcessInstanceByKey(PHASE).businessKey(caseNumber)
              .setVariable("regieGroep", "jeugdbeschermer")
              .setVariable("regisseur", Workers.DRAIN_USER)
              .setVariable("fase", 2)
              .setVariable("veiligheidsscore", 6L)
              .execute()));
        }
        for (Future<?> f : started) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      long waiting = remaining(db, prefix);
      if (waiting != timers) {
        throw new IllegalStateException("expected " + timers + " contact timers waiting, found " + waiting);
      }
      atDue.run();
    } finally {
      ClockUtil.reset();
    }
    long start = System.nanoTime();
    CpuMeter.Reading cpuBefore = meter.read();
    if (Boolean.getBoolean("bench.wake-job-executor")) {
      // a test that cannot wait for an idle job executor's next poll (up to max-wait) tells it jobs are there
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }
    double setup = (start - setupStart) / 1e9;
    long deadline = start + Duration.ofMinutes(Long.getLong("bench.drain-minutes", 15)).toNanos();
    long left;
    long first = 0;
    try (Connection c = db.connect(); PreparedStatement count = c.prepareStatement(REMAINING)) {
      count.setString(1, prefix + "%");
      while ((left = count(count)) > 0 && System.nanoTime() < deadline) {
        if (first == 0 && left < timers) {
          first = System.nanoTime();
        }
        Thread.sleep(50);
      }
    }
    long end = System.nanoTime();
    CpuMeter.Reading cpu = meter.read().minus(cpuBefore);
    if (first == 0) {
      first = start;
    }
    double seconds = Math.max(0.05, (end - first) / 1e9);
    double wake = (first - start) / 1e9;

    try (Connection c = db.connect()) {
      long[] tasks = longs(c, """
          select count(*), count(distinct e.business_key_) from act_ru_task t
          join act_ru_execution e on e.id_ = t.proc_inst_id_
          where e.business_key_ like ? and t.task_def_key_ = 'Task_RecordContact'""", prefix + "%");
      long[] runs = longs(c, """
          select count(*) filter (where l.job_state_ = 2), count(distinct l.job_id_) filter (where l.job_state_ = 2),
                 count(*) filter (where l.job_state_ = 1)
          from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_
          where p.business_key_ like ? and l.act_id_ = ?""", prefix + "%", TIMER);
      return new Result(timers, seconds, wake, setup, cpu, tasks[0], tasks[1], runs[0], runs[1], runs[2], left);
    }
  }

  private static final String REMAINING = """
      select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
      where e.business_key_ like ? and j.handler_type_ = 'timer-intermediate-transition'""";

  private static long remaining(BenchDatabase.Db db, String prefix) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement count = c.prepareStatement(REMAINING)) {
      count.setString(1, prefix + "%");
      return count(count);
    }
  }

  private static long count(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long[] longs(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long[] values = new long[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rs.getLong(i + 1);
        }
        return values;
      }
    }
  }
}
