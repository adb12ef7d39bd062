package nl.blijvendveilig.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flow node and sequence flow coverage of the models by all process tests together: the union of the
 * per-class reports camunda-process-test-coverage wrote during the unit test phase. Runs in the
 * integration test phase of {@code mvn verify}, writes target/process-test-coverage/total.md and
 * fails the build below 90%.
 */
class ProcessCoverageIT {

  static final Path REPORTS = Path.of("target", "process-test-coverage");
  static final double REQUIRED = 0.90;

  @Test
  void theProcessTestsTogetherWalkAtLeastNinetyPercentOfEveryModel() throws IOException {
    List<Path> reports;
    try (Stream<Path> files = Files.exists(REPORTS) ? Files.walk(REPORTS) : Stream.empty()) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    assumeTrue(!reports.isEmpty(), "no coverage reports: run the unit tests first (mvn verify does)");

    Map<String, Integer> total = new TreeMap<>();
    Map<String, Set<String>> covered = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path report : reports) {
      JsonNode root = json.readTree(report.toFile());
      root.path("models").forEach(m -> total.put(m.path("key").asText(), m.path("totalElementCount").asInt()));
      for (JsonNode suite : root.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }

    List<String> lines = new ArrayList<>(List.of("| model | covered | elements | coverage |", "|---|---|---|---|"));
    int allCovered = 0;
    int allElements = 0;
    for (var model : total.entrySet()) {
      int hit = covered.getOrDefault(model.getKey(), Set.of()).size();
      allCovered += hit;
      allElements += model.getValue();
      lines.add(String.format("| %s | %d | %d | %.1f%% |", model.getKey(), hit, model.getValue(), 100.0 * hit / model.getValue()));
    }
    double ratio = (double) allCovered / allElements;
    lines.add(String.format("| **all models** | %d | %d | **%.1f%%** |", allCovered, allElements, 100.0 * ratio));
    Files.write(REPORTS.resolve("total.md"), lines);
    lines.forEach(System.out::println);

    assertThat(total.keySet()).as("every model in processes/ is exercised").containsAll(modelsInProcesses());
    assertThat(ratio).as("flow node and sequence flow coverage of all models").isGreaterThanOrEqualTo(REQUIRED);
  }

  private static Set<String> modelsInProcesses() throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      files.filter(p -> p.toString().endsWith(".bpmn"))
          .forEach(p -> keys.add(p.getFileName().toString().replace(".bpmn", "")));
    }
    return keys;
  }
}
