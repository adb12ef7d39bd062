package nl.blijvendveilig.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Response times of the calls a worker waits for, one request at a time over HTTP with basic
 * authentication: Tasklist's "my tasks" and "group tasks" through {@code /engine-rest/task} (sorted by
 * due date, the first page of 15, as the filters "Mijn taken" and "Taken van mijn groepen" ask), and
 * the case API's current gezinsplan.
 */
final class Latency {

  record Percentiles(double p50, double p95, double max, int samples) {
    static Percentiles of(List<Double> millis) {
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), sorted[sorted.length - 1], sorted.length);
    }

    private static double at(double[] sorted, double p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }

  record Result(Percentiles myTasks, Percentiles groupTasks, Percentiles tasklist, Percentiles casePlan) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Latency(String base) {
    this.base = base;
  }

  static String myTasks(String user) {
    return "/engine-rest/task?assignee=" + user + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  }

  static String groupTasks(String group) {
    return "/engine-rest/task?candidateGroup=" + group
        + "&unassigned=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  }

  Result measure(Workers workers, List<String> casesOfMeasured, int samples) throws Exception {
    String jb = workers.measuredJeugdbeschermer;
    String intake = workers.intake.id();
    String password = workers.password;
    // warm up: the first calls compile, fill caches and open connections
    for (int i = 0; i < 20; i++) {
      timed(jb, password, myTasks(jb), true);
      timed(intake, password, groupTasks("intake"), true);
      timed(jb, password, "/api/cases/" + casesOfMeasured.get(i % casesOfMeasured.size()) + "/plan", false);
    }
    List<Double> my = new ArrayList<>();
    List<Double> group = new ArrayList<>();
    List<Double> plan = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      my.add(timed(jb, password, myTasks(jb), true));
      group.add(timed(intake, password, groupTasks("intake"), true));
      plan.add(timed(jb, password, "/api/cases/" + casesOfMeasured.get(i % casesOfMeasured.size()) + "/plan", false));
    }
    List<Double> both = new ArrayList<>(my);
    both.addAll(group);
    return new Result(Percentiles.of(my), Percentiles.of(group), Percentiles.of(both), Percentiles.of(plan));
  }

  private double timed(String user, String password, String path, boolean list) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30)).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
    }
    if (list && !response.body().contains("\"id\"")) {
      throw new IllegalStateException("GET " + path + " as " + user + " found no tasks: " + response.body());
    }
    return millis;
  }

  static String describe(Percentiles p) {
    return "p50 %.1f  p95 %.1f  max %.1f ms (%d)".formatted(p.p50(), p.p95(), p.max(), p.samples());
  }
}
