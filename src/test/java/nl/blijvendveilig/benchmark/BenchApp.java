package nl.blijvendveilig.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.blijvendveilig.BlijvendVeiligApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application in this JVM, on one benchmark database, with the given Spring properties. */
final class BenchApp implements AutoCloseable {

  /** Timers of the benchmark's path fall due at once instead of after weeks; contact timers come from the DMN. */
  static final Map<String, String> SHORT_PERIODS = Map.of(
      "blijvendveilig.deadlines.network-meeting", "PT0S",
      "blijvendveilig.deadlines.follow-up", "PT0S");

  final String name;
  final ConfigurableApplicationContext context;
  final int port;
  final double startupSeconds;
  final Map<String, String> properties;

  private BenchApp(String name, ConfigurableApplicationContext context, int port, double startupSeconds,
      Map<String, String> properties) {
    this.name = name;
    this.context = context;
    this.port = port;
    this.startupSeconds = startupSeconds;
    this.properties = properties;
  }

  /** Starts the application and waits until Tasklist answers; startup is measured up to that answer. */
  static BenchApp start(String name, BenchDatabase.Db db, String profile, Map<String, String> extra) throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", profile);
    properties.put("spring.datasource.url", db.url());
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password() == null ? "" : db.password());
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.putAll(SHORT_PERIODS);
    properties.putAll(extra);
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));

    long start = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplication(BlijvendVeiligApplication.class)
        .run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest tasklist = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        context.close();
        throw new IllegalStateException("Tasklist did not answer 200 within 2 minutes");
      }
      Thread.sleep(50);
    }
    double startup = (System.nanoTime() - start) / 1e9;
    return new BenchApp(name, context, port, startup, properties);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    context.close();
  }
}
