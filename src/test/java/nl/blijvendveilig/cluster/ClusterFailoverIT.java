package nl.blijvendveilig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (separate JVMs from the packaged jar, other ports) on one PostgreSQL, both
 * running the job executor. 500 acute meldingen whose 24-hour timer is shortened to 30 seconds; one
 * node is killed hard (SIGKILL) while the timers fall due. Every timer fires exactly once: each case
 * has one escalation task, none is lost, none doubled.
 */
class ClusterFailoverIT {

  static final int CASES = 500;
  static final String ADMIN = "beheerder";
  static final String ADMIN_PASSWORD = "Cluster-Test-2026!";

  final List<Process> nodes = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopNodes() {
    nodes.forEach(Process::destroyForcibly);
  }

  @Test
  void everyTimerFiresExactlyOnceWhenANodeIsKilled() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgresDatabase.server();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("drop database if exists cluster");
      s.execute("create database cluster");
    }
    String dbUrl = postgres.getJdbcUrl("postgres", "cluster");
    DataSource cluster = postgres.getDatabase("postgres", "cluster");

    int portA = freePort();
    int portB = freePort();
    Process nodeA = start("a", portA, dbUrl);
    waitUntilUp(portA, nodeA);
    Process nodeB = start("b", portB, dbUrl);
    waitUntilUp(portB, nodeB);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<String, Boolean> caseNumbers = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < CASES; i++) {
      int port = i % 2 == 0 ? portA : portB;
      // a family of its own for every melding, else they would all join the first case
      String melding = EngineRestClient.variablesBody(Meldingen.acute()).toString();
      pool.submit(() -> {
        try {
        HttpResponse<String> started = post(port, "/engine-rest/process-definition/key/jeugdbeschermingszaak/start",
            melding);
        if (started.statusCode() != 200) {
          throw new IllegalStateException("melding refused: " + started.body());
        }
        caseNumbers.put(started.body().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1"), true);
        } catch (Exception | AssertionError e) {
          failures.add(e.getMessage());
        }
        return null;
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(4, TimeUnit.MINUTES)).isTrue();
    assertThat(failures).as("meldingen refused").isEmpty();
    assertThat(caseNumbers).hasSize(CASES);

    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (escalations(cluster) < CASES / 4 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    long beforeKill = escalations(cluster);
    nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, its locked jobs stay locked until the lock expires
    nodeA.waitFor(30, TimeUnit.SECONDS);
    assertThat(beforeKill).as("node a was killed while timers were falling due").isLessThan(CASES);

    deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (escalations(cluster) < CASES && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    try (Connection c = cluster.getConnection(); Statement s = c.createStatement()) {
      ResultSet perCase = s.executeQuery("""
          select count(distinct e.business_key_), count(*), count(*) - count(distinct e.business_key_)
          from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
          where t.task_def_key_ = 'Task_EscalateSecureChild'""");
      perCase.next();
      assertThat(perCase.getLong(1)).as("cases escalated").isEqualTo(CASES);
      assertThat(perCase.getLong(3)).as("escalations doubled").isZero();
      ResultSet leftover = s.executeQuery("select count(*) from act_ru_job where type_ = 'timer'"
          + " and handler_type_ = 'timer-transition'");
      leftover.next();
      assertThat(leftover.getLong(1)).as("timers still waiting").isZero();
      ResultSet cases = s.executeQuery("select count(*) from bv_case");
      cases.next();
      assertThat(cases.getLong(1)).as("no case lost").isEqualTo(CASES);
    }
    System.out.printf("CLUSTER cases=%d escalations_before_kill=%d all_fired_exactly_once=true%n", CASES, beforeKill);
  }

  private long escalations(DataSource cluster) throws Exception {
    try (Connection c = cluster.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from act_ru_task where task_def_key_ = 'Task_EscalateSecureChild'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Process start(String name, int port, String dbUrl) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("run mvn package first: no application jar in target/"));
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
        "--spring.profiles.active=postgres", "--server.port=" + port,
        "--blijvendveilig.deadlines.acute-safety=30s",
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.level.root=WARN");
    builder.environment().putAll(Map.of("DB_URL", dbUrl, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
        "ADMIN_USER", ADMIN, "ADMIN_PASSWORD", ADMIN_PASSWORD));
    File log = new File("target", "cluster-node-" + name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log);
    Process node = builder.start();
    nodes.add(node);
    return node;
  }

  private void waitUntilUp(int port, Process node) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertThat(node.isAlive()).as("node on port %d died; see target/cluster-node-*.log", port).isTrue();
      try {
        if (get(port, "/engine-rest/engine").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("node on port " + port + " did not start");
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", auth())
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", auth())
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String auth() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
