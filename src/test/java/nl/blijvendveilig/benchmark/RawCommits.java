package nl.blijvendveilig.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database itself can do: a one-row UPDATE and COMMIT in a loop over JDBC, one row per
 * thread, with as many threads as the lifecycle driver. Every engine step needs at least one commit,
 * so this is the ceiling the engine is measured against.
 */
final class RawCommits {

  private RawCommits() {
  }

  static double perSecond(BenchDatabase.Db db, int threads, int seconds) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create table if not exists bench_raw (id int primary key, n bigint not null)");
      s.execute("delete from bench_raw");
      s.execute("insert into bench_raw select g, 0 from generate_series(0, " + (threads - 1) + ") g");
    }
    run(db, threads, 1); // warm up connections and plans
    return run(db, threads, seconds);
  }

  private static double run(BenchDatabase.Db db, int threads, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong commits = new AtomicLong();
    List<Thread> pool = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int row = t;
      Thread thread = new Thread(() -> {
        try (Connection c = db.connect(); PreparedStatement update = c.prepareStatement(
            "update bench_raw set n = n + 1 where id = ?")) {
          c.setAutoCommit(false);
          update.setInt(1, row);
          while (!stop.get()) {
            update.executeUpdate();
            c.commit();
            commits.incrementAndGet();
          }
        } catch (Exception e) {
          failures.add(e);
        }
      }, "bench-raw-" + t);
      pool.add(thread);
    }
    long start = System.nanoTime();
    pool.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread thread : pool) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return commits.get() / elapsed;
  }
}
