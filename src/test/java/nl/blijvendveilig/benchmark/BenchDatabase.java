package nl.blijvendveilig.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server of a run: by default an embedded one from Maven (io.zonky, with
 * pg_stat_statements loaded), else the server of {@code DB_URL}. Each application context gets a
 * database of its own on that one server, so the baseline and the tuned engine are measured against the
 * same limit.
 */
final class BenchDatabase implements AutoCloseable {

  record Db(String name, String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  record StatementStats(String query, long calls, double totalMs) {
  }

  private final EmbeddedPostgres embedded;
  private final String adminUrl;
  private final String user;
  private final String password;
  private boolean statements;

  private BenchDatabase(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
    this.embedded = embedded;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  static BenchDatabase embedded() throws IOException {
    java.io.File log = Benchmark.OUT.resolve("postgres.log").toFile();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        // durable as a production server: the embedded server's test defaults (fsync and synchronous_commit
        // off) would make the raw commit rate, the limit every figure is held against, a fiction
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        // the statement counts per lifecycle, and the plan of every statement slower than bench.explain-ms
        .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
        .setServerConfig("pg_stat_statements.max", "10000")
        .setServerConfig("pg_stat_statements.track_utility", "off")
        .setServerConfig("auto_explain.log_min_duration", System.getProperty("bench.explain-ms", "50"))
        .setServerConfig("auto_explain.log_format", "text")
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
        .start();
    return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
  }

  /** The server of {@code DB_URL}; the baseline gets {@code <database>_baseline} next to it, if the user may create it. */
  static BenchDatabase external() {
    String url = System.getenv("DB_URL");
    if (url == null) {
      throw new IllegalStateException("profile postgres needs DB_URL, DB_USER and DB_PASSWORD");
    }
    return new BenchDatabase(null, url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
  }

  /** The database of the given name: created (fresh) on the embedded server; on an external one DB_URL itself for the first. */
  Db database(String name, boolean first) throws SQLException {
    if (embedded == null && first) {
      return new Db(databaseName(adminUrl), adminUrl, user, password);
    }
    String url = embedded != null ? embedded.getJdbcUrl("postgres", name)
        : adminUrl.replaceFirst("/([^/?]+)(\\?|$)", "/" + databaseName(adminUrl) + "_" + name + "$2");
    String dbName = databaseName(url);
    try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + dbName + " with (force)");
      s.execute("create database " + dbName);
    }
    return new Db(dbName, url, user, password);
  }

  void drop(Db db) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db.name() + " with (force)");
    }
  }

  static String databaseName(String url) {
    String path = url.replaceFirst("^jdbc:postgresql://[^/]+/", "");
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** Committed transactions of that database so far, as PostgreSQL counts them. */
  long commits(Db db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Waits until the backends have reported their counts (PostgreSQL flushes them at most once a second), then counts. */
  long settledCommits(Db db) throws SQLException, InterruptedException {
    Thread.sleep(2_500);
    return commits(db);
  }

  /**
   * Fresh planner statistics and visibility map, as autovacuum keeps them on a database in service:
   * right after thousands of rows arrive in a table that was empty, PostgreSQL may still plan it as
   * empty (a full index scan for a task's variables, measured at 14 ms instead of 0.1) until
   * autovacuum gets to it, whenever that is.
   */
  void analyze(Db db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  void resetStatements(Db db) {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_stat_statements");
      s.execute("select pg_stat_statements_reset()");
      statements = true;
    } catch (SQLException e) {
      statements = false; // not loaded on an external server: the figures come without the statement breakdown
    }
  }

  /** The statements run on that database since the reset, most called first. */
  List<StatementStats> statements(Db db) {
    List<StatementStats> list = new ArrayList<>();
    if (!statements) {
      return list;
    }
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
        select query, calls, total_exec_time from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
        order by calls desc""")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          list.add(new StatementStats(rs.getString(1).replaceAll("\\s+", " "), rs.getLong(2), rs.getDouble(3)));
        }
      }
    } catch (SQLException e) {
      return list;
    }
    return list;
  }

  Map<String, String> settings(Db db) throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String name : List.of("server_version", "synchronous_commit", "fsync", "shared_buffers", "max_connections")) {
        try (ResultSet rs = s.executeQuery("show " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    }
    return settings;
  }

  CpuMeter cpuMeter() {
    return CpuMeter.of(embedded != null ? embedded.getPort() : -1);
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
