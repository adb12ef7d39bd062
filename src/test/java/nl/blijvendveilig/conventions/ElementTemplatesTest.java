package nl.blijvendveilig.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Modeler element templates in processes/.camunda/element-templates/ stay in step with the
 * code and the models: a designer who picks "Gezinsplan bijwerken: contactmoment" must get a bean,
 * form or decision that exists, and every delegate the models use must be pickable.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path SOURCES = Path.of("src/main/java");
  // The Modeler tells C7 from C8 templates by this URL (C8's is zeebe-element-templates-json-schema).
  static final String C7_SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema@";
  static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
  static final Pattern COMPONENT = Pattern.compile("@Component\\(\"(\\w+)\"\\)");
  static final Pattern MODEL_DELEGATE = Pattern.compile("delegateExpression=\"([^\"]+)\"");

  record Template(Path file, JsonNode json) {
    String id() {
      return json.path("id").asText();
    }
  }

  static List<Template> templates = new ArrayList<>();

  @BeforeAll
  static void readTemplates() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    for (Path file : files(TEMPLATES, ".json")) {
      JsonNode json;
      try {
        json = mapper.readTree(file.toFile());
      } catch (IOException e) {
        throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
      }
      // The Modeler accepts one template or an array of them per file.
      for (JsonNode template : json.isArray() ? json : mapper.createArrayNode().add(json)) {
        templates.add(new Template(file, template));
      }
    }
    assertThat(templates).as("element templates in " + TEMPLATES).isNotEmpty();
  }

  @Test
  void everyTemplateSaysWhatItIsAndWhereItApplies() {
    List<String> problems = new ArrayList<>();
    Set<String> idVersions = new HashSet<>();
    for (Template template : templates) {
      JsonNode json = template.json();
      String where = template.file() + " " + template.id();
      if (!json.path("$schema").asText().startsWith(C7_SCHEMA)) {
        problems.add(where + ": $schema is not the Camunda 7 element template schema");
      }
      for (String field : List.of("name", "id")) {
        if (json.path(field).asText().isBlank()) {
          problems.add(where + ": no " + field);
        }
      }
      if (!json.path("appliesTo").isArray() || json.path("appliesTo").isEmpty()) {
        problems.add(where + ": no appliesTo");
      }
      if (!json.path("properties").isArray()) {
        problems.add(where + ": no properties");
      }
      // The Modeler keeps one of two templates with the same id and version, silently.
      if (!idVersions.add(template.id() + "@" + json.path("version").asText())) {
        problems.add(where + ": id and version used twice");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateExpressionInATemplateNamesABean() throws IOException {
    Set<String> beans = componentNames();
    List<String> problems = new ArrayList<>();
    for (String expression : templateDelegateExpressions()) {
      Matcher bean = BEAN_EXPRESSION.matcher(expression);
      if (!bean.matches() || !beans.contains(bean.group(1))) {
        problems.add(expression + " names no @Component(\"...\") in " + SOURCES);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateExpressionInTheModelsHasATemplate() throws IOException {
    Set<String> inModels = new TreeSet<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      Matcher delegate = MODEL_DELEGATE.matcher(Files.readString(file));
      while (delegate.find()) {
        inModels.add(delegate.group(1));
      }
    }
    inModels.removeAll(templateDelegateExpressions());
    assertThat(inModels).as("delegate expressions in processes/*.bpmn without an element template").isEmpty();
  }

  @Test
  void everyFormRefHasAForm() {
    assertThat(values(binding("property", "camunda:formRef")))
        .allSatisfy(form -> assertThat(FORMS.resolve(form + ".form")).as("form of formRef " + form).exists());
  }

  @Test
  void everyDecisionRefHasADecisionTable() {
    assertThat(values(binding("property", "camunda:decisionRef")))
        .allSatisfy(decision -> assertThat(PROCESSES.resolve(decision + ".dmn"))
            .as("decision table of decisionRef " + decision).exists());
  }

  /**
   * A stage picked from a template gets the same variables as the stage in the models: the case
   * context and its own inputs and outputs, never a copy of the whole case.
   */
  @Test
  void everyCallTemplateMapsTheVariablesTheModelsMap() throws IOException {
    Map<String, Set<Set<String>>> inModels = new HashMap<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      for (CallActivity call : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(CallActivity.class)) {
        Set<String> mappings = new TreeSet<>();
        call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
            .filter(in -> in.getCamundaSource() != null)
            .forEach(in -> mappings.add("in " + in.getCamundaSource() + " -> " + in.getCamundaTarget()));
        call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()
            .forEach(out -> mappings.add("out " + out.getCamundaSource() + " -> " + out.getCamundaTarget()));
        inModels.computeIfAbsent(call.getCalledElement(), element -> new HashSet<>()).add(mappings);
      }
    }
    for (Template template : templates) {
      List<JsonNode> properties = elements(template.json().path("properties")).toList();
      String called = properties.stream().filter(p -> binding("property", "calledElement").test(p.path("binding")))
          .map(p -> p.path("value").asText()).findFirst().orElse(null);
      if (called == null) {
        continue;
      }
      Set<String> mappings = new TreeSet<>();
      for (JsonNode property : properties) {
        JsonNode binding = property.path("binding");
        String value = property.path("value").asText();
        switch (binding.path("type").asText()) {
          case "camunda:in" -> mappings.add(binding.has("variables") ? "in all"
              : "in " + value + " -> " + binding.path("target").asText());
          case "camunda:out" -> mappings.add(binding.has("variables") ? "out all"
              : "out " + binding.path("source").asText() + " -> " + value);
          default -> { }
        }
      }
      assertThat(inModels.getOrDefault(called, Set.of())).as(template.id() + " maps as the models' calls of " + called)
          .contains(mappings);
    }
  }

  /** The attribute on a task, and the listeners that call a bean, both put a delegate in the model. */
  static Set<String> templateDelegateExpressions() {
    Set<String> expressions = new HashSet<>(values(binding("property", "camunda:delegateExpression")));
    expressions.addAll(values(binding -> binding.path("type").asText().matches("camunda:(execution|task)Listener")
        && "delegateExpression".equals(binding.path("implementationType").asText())));
    return expressions;
  }

  static Predicate<JsonNode> binding(String type, String name) {
    return binding -> type.equals(binding.path("type").asText()) && name.equals(binding.path("name").asText());
  }

  static List<String> values(Predicate<JsonNode> binding) {
    return templates.stream()
        .flatMap(template -> elements(template.json().path("properties")))
        .filter(property -> binding.test(property.path("binding")))
        .flatMap(property -> property.has("choices")
            ? elements(property.get("choices")).map(choice -> choice.path("value"))
            : Stream.of(property.path("value")))
        .map(JsonNode::asText)
        .toList();
  }

  static Stream<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  static Set<String> componentNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path file : files(SOURCES, ".java")) {
      Matcher component = COMPONENT.matcher(Files.readString(file));
      while (component.find()) {
        names.add(component.group(1));
      }
    }
    return names;
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
