package nl.blijvendveilig.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import nl.blijvendveilig.tasklist.TaskFormContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions every model and form in processes/ and forms/ keeps, so that a designer's revision
 * that breaks one fails the build: see ARCHITECTURE.md, "BPMN and forms conventions".
 */
class ModelConventionsTest {

  static final String RETENTION = "P7300D";
  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

  static List<Path> bpmnFiles;
  static List<Path> dmnFiles;
  static List<Path> formFiles;

  @BeforeAll
  static void findFiles() throws IOException {
    bpmnFiles = files(PROCESSES, ".bpmn");
    dmnFiles = files(PROCESSES, ".dmn");
    formFiles = files(FORMS, ".form");
    assertThat(bpmnFiles).as("BPMN models in processes/").isNotEmpty();
    assertThat(formFiles).as("Camunda Forms in forms/").isNotEmpty();
  }

  @Test
  void everyProcessIsExecutableKeptTwentyYearsAndNamedAfterItsFile() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles) {
      for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          problems.add(file + ": process " + process.getId() + " is not executable");
        }
        if (!RETENTION.equals(process.getCamundaHistoryTimeToLiveString())) {
          problems.add(file + ": process " + process.getId() + " has historyTimeToLive "
              + process.getCamundaHistoryTimeToLiveString() + ", expected " + RETENTION);
        }
        if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
          problems.add(file + ": file name differs from process id " + process.getId());
        }
        if (process.getName() == null || process.getName().isBlank()) {
          problems.add(file + ": process " + process.getId() + " has no name");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionIsKeptTwentyYears() {
    List<String> problems = new ArrayList<>();
    for (Path file : dmnFiles) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (!RETENTION.equals(decision.getCamundaHistoryTimeToLiveString())) {
          problems.add(file + ": decision " + decision.getId() + " lacks historyTimeToLive " + RETENTION);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowIsOnTheDiagram() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
              model.getModelElementsByType(SequenceFlow.class).stream())
          .map(BaseElement::getId)
          .filter(id -> !drawn.contains(id))
          .forEach(id -> problems.add(file + ": " + id + " is not on the diagram"));
      if (model.getModelElementsByType(FlowNode.class).stream().anyMatch(n -> n.getName() == null
          && !(n instanceof org.camunda.bpm.model.bpmn.instance.Gateway))) {
        problems.add(file + ": every task and event needs a name that tells the story");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyStageGetsItsVariablesOneByOneNeverACopyOfTheCase() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Stream.concat(
              model.getModelElementsByType(CamundaIn.class).stream().filter(in -> in.getCamundaVariables() != null),
              model.getModelElementsByType(CamundaOut.class).stream().filter(out -> out.getCamundaVariables() != null))
          .map(mapping -> ((BaseElement) mapping.getParentElement().getParentElement()).getId())
          .distinct()
          .forEach(call -> problems.add(file + ": call activity " + call + " copies all variables; map the case"
              + " context and the stage's own inputs and outputs one by one (README, Design)"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskHasAnExistingFormACandidateGroupOrAssigneeAndADueDate() throws IOException {
    Set<String> formIds = formIds();
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file + ": user task " + task.getId();
        checkFormRef(where, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds, problems);
        if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
          problems.add(where + " has neither candidate group nor assignee");
        }
        if (isBlank(task.getCamundaDueDate())) {
          problems.add(where + " has no due date");
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
          checkFormRef(file + ": start event " + start.getId(), start.getCamundaFormRef(),
              start.getCamundaFormRefBinding(), formIds, problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsValidNamedAfterItsFileAndUsed() throws IOException {
    Set<String> used = new HashSet<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).forEach(s -> used.add(s.getCamundaFormRef()));
    }
    List<String> problems = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : formFiles) {
      JsonNode form;
      try {
        form = json.readTree(file.toFile());
      } catch (IOException e) {
        problems.add(file + " is not valid JSON: " + e.getMessage());
        continue;
      }
      String id = form.path("id").asText();
      if (!file.getFileName().toString().equals(id + ".form")) {
        problems.add(file + ": form id '" + id + "' differs from the file name");
      }
      if (!used.contains(id)) {
        problems.add(file + ": form '" + id + "' is used by no start event or user task");
      }
      if (!form.path("components").isArray() || form.path("components").isEmpty()) {
        problems.add(file + ": form has no components");
      }
      Set<String> componentIds = new HashSet<>();
      collectIds(form.path("components"), componentIds, file, problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyTaskFormOpensWithTheCaseItBelongsToAndALinkToTheCasePage() throws IOException {
    Set<String> taskForms = new HashSet<>();
    for (Path file : bpmnFiles) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)
          .forEach(task -> taskForms.add(task.getCamundaFormRef()));
    }
    List<String> problems = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : formFiles) {
      JsonNode form = json.readTree(file.toFile());
      if (taskForms.contains(form.path("id").asText())) {
        JsonNode first = form.path("components").path(0);
        if (!"text".equals(first.path("type").asText()) || !TaskFormContext.HEADER.equals(first.path("text").asText())) {
          problems.add(file + ": the first component must be the case header: " + TaskFormContext.HEADER);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void collectIds(JsonNode components, Set<String> ids, Path file, List<String> problems) {
    for (JsonNode component : components) {
      String id = component.path("id").asText();
      if (id.isBlank() || !ids.add(id)) {
        problems.add(file + ": component id '" + id + "' missing or not unique");
      }
      String type = component.path("type").asText();
      boolean isInput = component.has("key");
      if (isInput && component.path("label").asText(component.path("dateLabel").asText()).isBlank()) {
        problems.add(file + ": field '" + component.path("key").asText() + "' has no label");
      }
      if (component.has("components")) {
        collectIds(component.path("components"), ids, file, problems);
      }
    }
  }

  private static void checkFormRef(String where, String formRef, String binding, Set<String> formIds,
      List<String> problems) {
    if (isBlank(formRef)) {
      problems.add(where + " has no camunda:formRef");
    } else if (!formIds.contains(formRef)) {
      problems.add(where + " refers to form '" + formRef + "', which is not in forms/");
    }
    if (!"deployment".equals(binding)) {
      problems.add(where + " needs camunda:formRefBinding=\"deployment\"");
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : formFiles) {
      try {
        ids.add(json.readTree(file.toFile()).path("id").asText());
      } catch (IOException invalid) {
        // reported by everyFormIsValidNamedAfterItsFileAndUsed
      }
    }
    return ids;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
