package nl.blijvendveilig.benchmark;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Issue 7's benchmark: a national caseload on one node, against the database's own limit. Starts the
 * application on the embedded PostgreSQL (or {@code -Dbench.profile=postgres} with DB_URL, DB_USER,
 * DB_PASSWORD), measures, and prints a table and one {@code BENCH key=value ...} line.
 *
 * <p>In one run on one PostgreSQL server: the raw one-row commit rate; complete lifecycles on the real
 * models; a drain of contact timers due at the same moment; then, after bulk-creating the open caseload,
 * Tasklist and case API response times and the heap. The lifecycles and the drain are measured twice:
 * on the application as configured (plus {@code -Dbench.props}), and in a second application context on
 * Camunda's default engine settings ({@link CamundaDefaults}), each on a database of its own.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/bench-cp.txt) nl.blijvendveilig.benchmark.Benchmark
 * </pre>
 */
public final class Benchmark {

  static final Path OUT = Path.of("target", "benchmark");

  private final BenchConfig config;
  private final PrintStream out;
  private final long runStart = System.nanoTime();
  /** One source of families for the whole run: no melding joins, or re-enters, another case of the run. */
  private final Families families = new Families();
  private CpuMeter cpu;

  public Benchmark(BenchConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    int status = 0;
    try {
      new Benchmark(config, System.out).run();
    } catch (Exception e) {
      e.printStackTrace(System.out);
      status = 1;
    }
    System.exit(status);
  }

  /** The figures of one context: its engine measured on the same work. */
  record EngineFigures(double startup, double raw, CaseWalker.Outcome lifecycles, long commits, long closed,
      Map<String, Long> jobsPerType, List<BenchDatabase.StatementStats> statements, TimerDrain.Result drain,
      CpuMeter.Reading lifecycleCpu, double authorizationsLeftPerLifecycle) {

    double cpuMsPerLifecycle() {
      return lifecycleCpu.total() * 1000 / lifecycles.caseNumbers().size();
    }

    double cpuMsPerTimer() {
      // the drain itself: from falling due to the last one, wake-up wait included (it costs no CPU)
      return drain.cpu().total() * 1000 / drain.timers();
    }

    double lifecyclesPerSecond() {
      return lifecycles.caseNumbers().size() / lifecycles.seconds();
    }

    double commitsPerLifecycle() {
      return commits / (double) lifecycles.caseNumbers().size();
    }

    double efficiency() {
      return lifecyclesPerSecond() * commitsPerLifecycle() / raw;
    }

    double statementsPerLifecycle() {
      return statements.stream().mapToLong(BenchDatabase.StatementStats::calls).sum()
          / (double) lifecycles.caseNumbers().size();
    }
  }

  /** Runs everything, prints the table and the BENCH line, and returns the BENCH figures. */
  public Map<String, String> run() throws Exception {
    Files.createDirectories(OUT);
    PrintStream console = System.out;
    PrintStream consoleErr = System.err;
    // the application logs as it would in production, to a file, so the table stays readable
    PrintStream appLog = new PrintStream(new FileOutputStream(OUT.resolve("application.log").toFile()), true,
        StandardCharsets.UTF_8);
    System.setOut(appLog);
    System.setErr(appLog);
    try (BenchDatabase server = config.embedded() ? BenchDatabase.embedded() : BenchDatabase.external()) {
      progress("benchmark %s; application log in %s", config, OUT.resolve("application.log"));
      BenchDatabase.Db tunedDb = server.database("bench", true);
      cpu = server.cpuMeter();
      String loadBefore = CpuMeter.loadAverage();
      Map<String, String> settings = server.settings(tunedDb);
      progress("PostgreSQL %s", settings);
      Workers workers = new Workers(!"postgres".equals(config.profile()));
      Caseload walked = Caseload.of(config.realCases(), config.spread(), workers.measuredJeugdbeschermer,
          config.janCases(), config.casesPerWorker(), 1);
      Caseload started = Caseload.of(config.cases() - config.realCases(), config.spread(), null, 0,
          config.casesPerWorker(), walked.lastWorker + 1);
      int benchWorkers = !config.caseload() ? lifecycleWorkers()
          : Math.max(lifecycleWorkers(), started.plans.isEmpty() ? walked.lastWorker : started.lastWorker);

      // A JVM compiles its hot code during the first minutes: whichever context ran first would pay for it.
      // So a warm-up context (the tuned settings, a database of its own) goes first; its start is the cold
      // start of startup_s, and both measured contexts then run on the same warm JVM.
      double coldStartup = -1;
      if (config.warmup() > 0) {
        BenchDatabase.Db warmupDb = server.database("warmup", false);
        try (BenchApp app = BenchApp.start("warmup", warmupDb, config.profile(), config.tuned())) {
          coldStartup = app.startupSeconds;
          progress("warm-up context up in %.1f s (cold JVM, empty database)", coldStartup);
          workers.ensureUsers(app.engine().getIdentityService(), lifecycleWorkers(), config.threads());
          CaseWalker.Outcome warm = new CaseWalker(app.engine(), workers, families)
              .walk(lifecyclePlans(config.warmup()), config.threads(), config.inFlight());
          TimerDrain.Result drain = TimerDrain.run(app.engine(), warmupDb, "DRAIN-warmup-",
              Math.min(config.timers(), 2000), config.threads(), cpu, () -> { });
          progress("warm-up: %d lifecycles in %.1f s, %d timers in %.1f s", config.warmup(), warm.seconds(),
              drain.timers(), drain.seconds());
        }
        server.drop(warmupDb);
      }

      EngineFigures tuned;
      CaseloadFigures open = null;
      try (BenchApp app = BenchApp.start("tuned", tunedDb, config.profile(), config.tuned())) {
        progress("tuned context up in %.1f s on port %d", app.startupSeconds, app.port);
        if (coldStartup < 0) {
          coldStartup = app.startupSeconds;
        }
        // the same people as the baseline's while the engine is measured; the caseload's thousands after
        workers.ensureUsers(app.engine().getIdentityService(), lifecycleWorkers(), config.threads());
        tuned = measureEngine(app, server, tunedDb, workers, "tuned", coldStartup);
        if (config.caseload()) {
          double usersSeconds = workers.ensureUsers(app.engine().getIdentityService(), benchWorkers, config.threads());
          progress("%d bench jeugdbeschermers in %.1f s", benchWorkers, usersSeconds);
          open = measureCaseload(app, server, tunedDb, workers, walked, started);
        }
      }

      EngineFigures baseline = null;
      if (config.baseline()) {
        BenchDatabase.Db baselineDb = server.database("baseline", false);
        Map<String, String> defaults = CamundaDefaults.resetting(config.tuned());
        try (BenchApp app = BenchApp.start("baseline", baselineDb, config.profile(), defaults)) {
          progress("baseline context (Camunda defaults) up in %.1f s", app.startupSeconds);
          workers.ensureUsers(app.engine().getIdentityService(), lifecycleWorkers(), config.threads());
          baseline = measureEngine(app, server, baselineDb, workers, "baseline", app.startupSeconds);
        }
      }

      Report report = new Report(config, runStart);
      Map<String, String> bench = report.figures(tuned, baseline, open);
      String line = "BENCH " + bench.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(" "));
      String table = report.table(settings, tuned, baseline, open, walked, started,
          loadBefore + " -> " + CpuMeter.loadAverage());
      console.println(table);
      console.println(line);
      Files.writeString(OUT.resolve("last-run.txt"), table + "\n" + line + "\n");
      return bench;
    } finally {
      System.setOut(console);
      System.setErr(consoleErr);
      appLog.close();
    }
  }

  private int lifecycleWorkers() {
    return 50;
  }

  /** The figures at the size of a national caseload. */
  record CaseloadFigures(CaseloadBuilder.Result caseload, Latency.Result latency, long heapMb,
      AuthorizationScan authorizations, double acquisitionMs) {
  }

  /**
   * Camunda runs {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} once in every command
   * of an authenticated user (the groups that have any authorization): a scan of the whole table, which
   * grows with every case, open or closed. Timed as it is and with the {@code GROUP_ID_ is not null}
   * Camunda considers (camunda-bpm-platform#5485), plus its share of the Tasklist requests.
   */
  record AuthorizationScan(long rows, double scanMs, double notNullScanMs, double perRequestMs) {
  }

  private CaseloadFigures measureCaseload(BenchApp app, BenchDatabase server, BenchDatabase.Db db, Workers workers,
      Caseload walked, Caseload started) throws Exception {
    progress("creating %d open cases: %d walked from the melding (%s), %d started in their stage (%s)",
        config.cases(), walked.plans.size(), Report.stages(walked), started.plans.size(), Report.stages(started));
    server.resetStatements(db);
    CaseloadBuilder.Result caseload = new CaseloadBuilder(app.engine(), workers, families, cpu).build(walked, started,
        config.threads(), Math.max(config.inFlight(), config.threads() * 16));
    writeStatements("caseload", server.statements(db), config.cases());
    progress("caseload created in %.0f s: %d walked in %.0f s (%.0f ms CPU each, %d tasks), %d started in %.0f s"
        + " (%.0f ms CPU each); load %s", caseload.seconds(), caseload.walked(), caseload.walk().seconds(),
        caseload.walkCpu().total() * 1000 / Math.max(1, caseload.walked()), caseload.walk().tasksCompleted(),
        caseload.started(), caseload.startSeconds(),
        caseload.startCpu().total() * 1000 / Math.max(1, caseload.started()), CpuMeter.loadAverage());

    List<String> measuredCases = casesOf(db, workers.measuredJeugdbeschermer);
    server.analyze(db);
    server.resetStatements(db);
    Latency.Result latency = new Latency(app.baseUrl()).measure(workers, measuredCases, config.samples());
    List<BenchDatabase.StatementStats> requests = server.statements(db);
    int requestCount = (config.samples() + 20) * 3;
    writeStatements("latency", requests, requestCount);
    progress("my tasks %s; group tasks %s; case plan %s", Latency.describe(latency.myTasks()),
        Latency.describe(latency.groupTasks()), Latency.describe(latency.casePlan()));
    AuthorizationScan scan = authorizationScan(db, requests, requestCount);
    progress("authorizations: %d rows; the group scan of every authenticated command %.1f ms (%.1f ms with 'is not null'),"
        + " %.1f ms per request", scan.rows(), scan.scanMs(), scan.notNullScanMs(), scan.perRequestMs());
    double acquisitionMs = acquisitionMs(requests);
    pauseForInspection(db);
    long heapMb = usedHeapAfterGc();
    progress("heap after GC with %d open cases: %d MiB", config.cases(), heapMb);
    writeTableSizes(db);

    return new CaseloadFigures(caseload, latency, heapMb, scan, acquisitionMs);
  }

  private EngineFigures measureEngine(BenchApp app, BenchDatabase server, BenchDatabase.Db db, Workers workers,
      String name, double startup) throws Exception {
    ProcessEngine engine = app.engine();
    CaseWalker walker = new CaseWalker(engine, workers, families);
    // a few lifecycles first: connections, caches and this context's deployment warm
    walker.walk(lifecyclePlans(Math.min(5, config.warmup())), config.threads(), config.inFlight());
    double raw = RawCommits.perSecond(db, config.threads(), config.rawSeconds());
    progress("[%s] raw one-row commits: %.0f/s with %d threads", name, raw, config.threads());

    long authorizationsBefore = count(db, "act_ru_authorization");
    // no analyze here: statistics of tables that are empty between cases would plan every lookup as a
    // scan of an empty table, and keep that plan while the cases in flight fill them
    server.resetStatements(db);
    long before = server.settledCommits(db);
    CpuMeter.Reading cpuBefore = cpu.read();
    CaseWalker.Outcome lifecycles = walker.walk(lifecyclePlans(config.lifecycles()), config.threads(), config.inFlight());
    CpuMeter.Reading lifecycleCpu = cpu.read().minus(cpuBefore);
    long commits = server.settledCommits(db) - before;
    List<BenchDatabase.StatementStats> statements = server.statements(db);
    long closed = closed(db, lifecycles.caseNumbers());
    double authorizationsLeft = (count(db, "act_ru_authorization") - authorizationsBefore)
        / (double) lifecycles.caseNumbers().size();
    Map<String, Long> jobs = jobsPerType(db, lifecycles.caseNumbers());
    progress("[%s] %d lifecycles in %.1f s: %.2f/s, %.1f commits each, %d closed, jobs %s", name,
        lifecycles.caseNumbers().size(), lifecycles.seconds(), lifecycles.caseNumbers().size() / lifecycles.seconds(),
        commits / (double) lifecycles.caseNumbers().size(), closed, jobs);
    writeStatements(name, statements, lifecycles.caseNumbers().size());
    progress("[%s] every closed case leaves %.1f authorizations behind", name, authorizationsLeft);

    progress("[%s] CPU per lifecycle: %.0f ms (JVM %.0f, PostgreSQL %.0f); %.2f of %d cores busy; load %s", name,
        lifecycleCpu.total() * 1000 / lifecycles.caseNumbers().size(), lifecycleCpu.jvm() * 1000 / lifecycles.caseNumbers().size(),
        lifecycleCpu.database() * 1000 / lifecycles.caseNumbers().size(), lifecycleCpu.total() / lifecycles.seconds(),
        Runtime.getRuntime().availableProcessors(), CpuMeter.loadAverage());
    TimerDrain.Result drain = TimerDrain.run(engine, db, "DRAIN-" + name + "-", config.timers(), config.threads(), cpu,
        () -> analyzeAndReset(server, db));
    writeStatements(name + "-drain", server.statements(db), config.timers());
    progress("[%s] %d contact timers drained in %.1f s: %.0f/s (first run %.1f s after falling due; set up in %.1f s);"
        + " lost %d, twice %d, failed runs %d", name, drain.timers(), drain.seconds(), drain.perSecond(),
        drain.wakeSeconds(), drain.setupSeconds(), drain.lost(), drain.twice(), drain.failedRuns());
    return new EngineFigures(startup, raw, lifecycles, commits, closed, jobs, statements, drain, lifecycleCpu,
        authorizationsLeft);
  }

  /** {@code -Dbench.pause-seconds=600}: time to look at the database with the caseload in it (psql, EXPLAIN). */
  private void pauseForInspection(BenchDatabase.Db db) throws InterruptedException {
    long seconds = Long.getLong("bench.pause-seconds", 0);
    if (seconds > 0) {
      progress("pausing %d s: the caseload is in %s", seconds, db.url());
      Thread.sleep(seconds * 1000);
    }
  }

  private static void analyzeAndReset(BenchDatabase server, BenchDatabase.Db db) {
    try {
      server.analyze(db);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    server.resetStatements(db);
  }

  private static AuthorizationScan authorizationScan(BenchDatabase.Db db, List<BenchDatabase.StatementStats> requests,
      int requestCount) throws Exception {
    double perRequest = requests.stream().filter(s -> s.query().startsWith("SELECT distinct(A.GROUP_ID_)"))
        .mapToDouble(BenchDatabase.StatementStats::totalMs).sum() / requestCount;
    try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
      long rows;
      try (ResultSet rs = s.executeQuery("select count(*) from act_ru_authorization")) {
        rs.next();
        rows = rs.getLong(1);
      }
      return new AuthorizationScan(rows, medianMs(s, "select distinct(a.group_id_) from act_ru_authorization a"),
          medianMs(s, "select distinct(a.group_id_) from act_ru_authorization a where a.group_id_ is not null"),
          perRequest);
    }
  }

  /** Mean time of the job executor's acquisition query, as it polled meanwhile. */
  private static double acquisitionMs(List<BenchDatabase.StatementStats> statements) {
    return statements.stream().filter(s -> s.query().startsWith("select RES.ID_, RES.REV_, RES.DUEDATE_"))
        .mapToDouble(s -> s.totalMs() / Math.max(1, s.calls())).max().orElse(-1);
  }

  private static double medianMs(java.sql.Statement s, String sql) throws Exception {
    double[] ms = new double[11];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  private List<CaseWalker.Plan> lifecyclePlans(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new CaseWalker.Plan(Stage.CLOSED, Workers.jeugdbeschermer(1 + i % lifecycleWorkers())))
        .toList();
  }

  private static long count(BenchDatabase.Db db, String table) throws Exception {
    try (Connection c = db.connect(); java.sql.Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long closed(BenchDatabase.Db db, List<String> caseNumbers) throws Exception {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
        select count(*) from act_hi_procinst where proc_def_key_ = 'jeugdbeschermingszaak'
        and state_ = 'COMPLETED' and business_key_ = any(?)""")) {
      Array keys = c.createArrayOf("varchar", caseNumbers.toArray());
      s.setArray(1, keys);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The jobs the job executor ran for these cases, by type, from the job log (success entries). */
  private static Map<String, Long> jobsPerType(BenchDatabase.Db db, List<String> caseNumbers) throws Exception {
    Map<String, Long> jobs = new LinkedHashMap<>();
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
        select l.job_def_type_, count(*) from act_hi_job_log l
        where l.job_state_ = 2 and l.root_proc_inst_id_ in
          (select id_ from act_hi_procinst where proc_def_key_ = 'jeugdbeschermingszaak' and business_key_ = any(?))
        group by 1 order by 1""")) {
      s.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          jobs.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return jobs;
  }

  private static List<String> casesOf(BenchDatabase.Db db, String jeugdbeschermer) throws Exception {
    List<String> cases = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        "select case_number from bv_case where jeugdbeschermer = ? and closed_at is null order by case_number")) {
      s.setString(1, jeugdbeschermer);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          cases.add(rs.getString(1));
        }
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException(jeugdbeschermer + " holds no open case");
    }
    return cases;
  }

  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private void writeStatements(String name, List<BenchDatabase.StatementStats> statements, int lifecycles)
      throws IOException {
    StringBuilder text = new StringBuilder("calls_per_lifecycle(caseload: per case) mean_ms query\n");
    for (BenchDatabase.StatementStats s : statements) {
      text.append(String.format(Locale.ROOT, "%8.2f %8.3f %s%n", s.calls() / (double) lifecycles,
          s.totalMs() / Math.max(1, s.calls()), s.query()));
    }
    Files.writeString(OUT.resolve(name + "-statements.txt"), text);
  }

  private void writeTableSizes(BenchDatabase.Db db) throws Exception {
    StringBuilder text = new StringBuilder("rows table (after the caseload)\n");
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
        select relname, n_live_tup, pg_total_relation_size(relid) from pg_stat_user_tables
        order by n_live_tup desc limit 25""")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          text.append(String.format(Locale.ROOT, "%10d %8.1f MiB %s%n", rs.getLong(2), rs.getLong(3) / 1048576.0,
              rs.getString(1)));
        }
      }
    }
    Files.writeString(OUT.resolve("tuned-tables.txt"), text);
  }

  private void progress(String format, Object... args) {
    out.printf(Locale.ROOT, "[bench %5.0f s] " + format + "%n",
        java.util.stream.Stream.concat(java.util.stream.Stream.of((System.nanoTime() - runStart) / 1e9),
            java.util.Arrays.stream(args)).toArray());
    out.flush();
  }
}
