package nl.blijvendveilig.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import nl.blijvendveilig.BlijvendVeiligApplication;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a process designer does with a revised model: restart, and only a changed model is deployed
 * (all models and forms together, so every form stays with its process); then the procesontwerper
 * checks which running cases can move to the new version (dry run) and migrates them. The models are
 * read from a folder of their own, as a designer's checkout would be.
 */
class RedeployAndMigrateIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path designer;

  @Test
  void anUnchangedRestartDeploysNothingAndARevisedModelMovesTheCasesThatCan() throws Exception {
    copy(Path.of("processes"), designer.resolve("processes"));
    copy(Path.of("forms"), designer.resolve("forms"));
    String url = database();

    String inPhaseOne;
    String inAssessment;
    long deployments;
    try (ConfigurableApplicationContext first = start(url)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      inPhaseOne = CaseDriver.start(engine, Meldingen.notAcute()).otsAssignedTo("jan", "2026-05-01", "2027-05-01").caseNumber;
      inAssessment = CaseDriver.start(engine, Meldingen.notAcute()).caseNumber;
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
    }

    try (ConfigurableApplicationContext unchanged = start(url)) {
      assertThat(unchanged.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
          .as("a restart with the same models deploys nothing").isEqualTo(deployments);
    }

    // the designer renames a task in fase 1 and replaces the assessment task by another one
    revise("fase-1-verbinden-en-motiveren.bpmn", "name=\"Huisbezoek afleggen\"", "name=\"Eerste huisbezoek afleggen\"");
    revise("veiligheidsbeoordeling.bpmn", "Task_AssessSafety", "Task_AssessSafetyArij");

    try (ConfigurableApplicationContext revised = start(url)) {
      ProcessEngine engine = revised.getBean(ProcessEngine.class);
      var repository = engine.getRepositoryService();
      assertThat(repository.createDeploymentQuery().count()).as("one new deployment").isEqualTo(deployments + 1);
      var latest = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1).get(0);
      assertThat(repository.getDeploymentResourceNames(latest.getId()))
          .as("the forms are deployed with the models they belong to")
          .anyMatch(name -> name.endsWith("huisbezoek-afleggen.form"));
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("fase-1-verbinden-en-motiveren")
          .latestVersion().singleResult().getVersion()).isEqualTo(2);

      int port = Integer.parseInt(revised.getEnvironment().getProperty("local.server.port"));
      assertThat(post(port, "jan", "{\"dryRun\": true}").statusCode()).isEqualTo(403);
      assertThat(post(port, "pieter", "{}").statusCode()).isEqualTo(400);

      JsonNode dryRun = JSON.readTree(post(port, "pieter", "{\"dryRun\": true}").body());
      JsonNode phaseOne = version(dryRun, "fase-1-verbinden-en-motiveren");
      assertThat(phaseOne.path("fromVersion").asInt()).isEqualTo(1);
      assertThat(phaseOne.path("toVersion").asInt()).isEqualTo(2);
      assertThat(phaseOne.path("instances").asInt()).isEqualTo(1);
      assertThat(phaseOne.path("migratable").asInt()).isEqualTo(1);
      JsonNode assessment = version(dryRun, "veiligheidsbeoordeling");
      assertThat(assessment.path("migratable").asInt()).isZero();
      assertThat(assessment.path("notMigratable").findValuesAsText("activityId")).containsExactly("Task_AssessSafety");
      assertThat(assessment.path("notMigratable").findValuesAsText("activityName")).containsExactly("Veiligheid beoordelen");
      assertThat(stageVersion(engine, inPhaseOne, "fase-1-verbinden-en-motiveren")).as("a dry run moves nothing")
          .isEqualTo(1);

      JsonNode migrated = JSON.readTree(post(port, "pieter", "{\"dryRun\": false}").body());
      assertThat(version(migrated, "fase-1-verbinden-en-motiveren").path("batchId").asText()).isNotBlank();
      runBatches(engine.getManagementService());

      assertThat(stageVersion(engine, inPhaseOne, "fase-1-verbinden-en-motiveren")).isEqualTo(2);
      assertThat(stageVersion(engine, inPhaseOne, "jeugdbeschermingszaak")).isEqualTo(2);
      assertThat(stageVersion(engine, inAssessment, "veiligheidsbeoordeling")).as("cannot move: stays on its version")
          .isEqualTo(1);
      var homeVisit = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(inPhaseOne)
          .taskDefinitionKey("Task_HomeVisit").singleResult();
      assertThat(engine.getFormService().getDeployedTaskForm(homeVisit.getId())).as("its form still opens").isNotNull();
      engine.getTaskService().complete(homeVisit.getId(), nl.blijvendveilig.support.Answers.homeVisit());
    }
  }

  private static JsonNode version(JsonNode answer, String key) {
    for (JsonNode version : answer.path("versions")) {
      if (version.path("processDefinitionKey").asText().equals(key)) {
        return version;
      }
    }
    throw new AssertionError("no version of " + key + " in " + answer);
  }

  private static int stageVersion(ProcessEngine engine, String caseNumber, String key) {
    ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(key).singleResult();
    return engine.getRepositoryService().getProcessDefinition(stage.getProcessDefinitionId()).getVersion();
  }

  /** Seed, migration and monitor jobs of the batches, as the job executor would run them. */
  private static void runBatches(ManagementService management) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().executable().listPage(0, 100).stream()
          .filter(job -> job.getProcessInstanceId() == null).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private HttpResponse<String> post(int port, String user, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/migration"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private ConfigurableApplicationContext start(String url) {
    String models = designer.toUri().toString();
    // as arguments: they outrank application.yaml, as they would on a command line
    return new SpringApplicationBuilder(BlijvendVeiligApplication.class).profiles("demo").run(
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.deployment-resource-pattern=" + models + "processes/**/*.bpmn," + models + "processes/**/*.dmn,"
            + models + "forms/**/*.form");
  }

  private void revise(String model, String from, String to) throws IOException {
    Path file = designer.resolve("processes").resolve(model);
    String content = Files.readString(file);
    assertThat(content).contains(from);
    Files.writeString(file, content.replace(from, to));
  }

  private static String database() {
    var registry = new java.util.HashMap<String, java.util.function.Supplier<Object>>();
    EmbeddedPostgresDatabase.registerOwn(new org.springframework.test.context.DynamicPropertyRegistry() {
      @Override
      public void add(String name, java.util.function.Supplier<Object> supplier) {
        registry.put(name, supplier);
      }
    }, "redeploy");
    return registry.get("spring.datasource.url").get().toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
