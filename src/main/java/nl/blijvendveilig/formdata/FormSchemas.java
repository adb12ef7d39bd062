package nl.blijvendveilig.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Validates a submission on the server against what its Camunda Form declares (required, min and max,
 * minLength and maxLength, pattern, the allowed options of radio, select and checklist fields, numbers
 * and dates), then applies the {@link FormRule}s of that form. The browser checks the same
 * declarations; this makes them hold for every REST client too.
 *
 * <p>Fields with a {@code conditional} are validated when they carry a value, but their
 * {@code required} is left to a {@link FormRule}, since only the rule knows when they show.
 */
@Component
public class FormSchemas {

  private static final Set<String> OPTION_FIELDS = Set.of("radio", "select");
  private static final Set<String> MULTI_OPTION_FIELDS = Set.of("checklist", "taglist");

  private final Map<String, JsonNode> forms;
  private final Map<String, List<FormRule>> rules = new HashMap<>();
  private final Map<String, java.util.Optional<JsonNode>> deployed = new java.util.concurrent.ConcurrentHashMap<>();
  private final RepositoryService repository;

  public FormSchemas(List<FormRule> formRules, @Lazy RepositoryService repository) {
    this.repository = repository;
    this.forms = loadForms();
    for (FormRule rule : formRules) {
      if (!forms.containsKey(rule.formId())) {
        throw new IllegalStateException("FormRule " + rule.getClass().getSimpleName()
            + " is for form '" + rule.formId() + "', which does not exist in forms/");
      }
      rules.computeIfAbsent(rule.formId(), id -> new java.util.ArrayList<>()).add(rule);
    }
  }

  public boolean exists(String formId) {
    return forms.containsKey(formId);
  }

  /**
   * Validates against the form as deployed with the process (a designer may deploy a revised form
   * from Camunda Modeler), else as in forms/. Throws {@link RejectedInput} naming every wrong field.
   */
  public void validate(String formId, String deploymentId, FormValues values) {
    JsonNode form = deploymentId == null ? null
        : deployed.computeIfAbsent(deploymentId + "/" + formId, key -> findDeployed(deploymentId, formId)).orElse(null);
    validate(formId, form != null ? form : forms.get(formId), values);
  }

  /**
   * The variables a form shows and submits: the keys of its fields and the paths of its lists, as
   * deployed with the process (else as in forms/).
   */
  public Set<String> variables(String formId, String deploymentId) {
    JsonNode form = deploymentId == null ? null
        : deployed.computeIfAbsent(deploymentId + "/" + formId, key -> findDeployed(deploymentId, formId)).orElse(null);
    JsonNode source = form != null ? form : forms.get(formId);
    Set<String> names = new HashSet<>();
    if (source != null) {
      collectVariables(source.path("components"), names);
    }
    return names;
  }

  private static void collectVariables(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        names.add(component.path("path").asText());
      } else if (component.has("components")) {
        collectVariables(component.path("components"), names);
      } else if (component.hasNonNull("key")) {
        names.add(component.path("key").asText());
      }
    }
  }

  /** Throws {@link RejectedInput} naming every field that is wrong. */
  public void validate(String formId, FormValues values) {
    validate(formId, forms.get(formId), values);
  }

  private java.util.Optional<JsonNode> findDeployed(String deploymentId, String formId) {
    ObjectMapper mapper = new ObjectMapper();
    for (org.camunda.bpm.engine.repository.Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
        JsonNode form = mapper.readTree(in);
        if (formId.equals(form.path("id").asText())) {
          return java.util.Optional.of(form);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read form " + resource.getName(), e);
      }
    }
    return java.util.Optional.empty();
  }

  private void validate(String formId, JsonNode form, FormValues values) {
    if (form == null) {
      throw new IllegalStateException("No form '" + formId + "' deployed or in forms/");
    }
    FieldErrors errors = new FieldErrors();
    checkComponents(form.path("components"), values.root(), "", "", errors);
    for (FormRule rule : rules.getOrDefault(formId, List.of())) {
      rule.check(values, errors);
    }
    errors.throwIfAny();
  }

  private void checkComponents(JsonNode components, JsonNode data, String pathPrefix, String labelSuffix,
      FieldErrors errors) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("dynamiclist".equals(type)) {
        checkDynamicList(component, data, pathPrefix, errors);
      } else if (component.has("components")) {
        JsonNode scoped = data;
        String prefix = pathPrefix;
        if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
          scoped = data.path(component.path("path").asText());
          prefix = pathPrefix + component.path("path").asText() + ".";
        }
        checkComponents(component.path("components"), scoped, prefix, labelSuffix, errors);
      } else if (component.hasNonNull("key")) {
        checkField(component, data.path(component.path("key").asText()),
            pathPrefix + component.path("key").asText(), labelSuffix, errors);
      }
    }
  }

  private void checkDynamicList(JsonNode list, JsonNode data, String pathPrefix, FieldErrors errors) {
    String key = list.path("path").asText();
    String path = pathPrefix + key;
    JsonNode items = data.path(key);
    if (items.isMissingNode() || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      errors.reject(path, label(list) + " moet een lijst zijn");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = path + "[" + (i + 1) + "]";
      if (!item.isObject()) {
        errors.reject(itemPath, label(list) + " " + (i + 1) + " is geen geldig item");
        continue;
      }
      checkComponents(list.path("components"), item, itemPath + ".", " (" + label(list).toLowerCase()
          + " " + (i + 1) + ")", errors);
    }
  }

  private void checkField(JsonNode field, JsonNode value, String path, String labelSuffix, FieldErrors errors) {
    String type = field.path("type").asText();
    String label = label(field) + labelSuffix;
    JsonNode validate = field.path("validate");
    boolean empty = isEmpty(value);
    boolean conditional = field.has("conditional");

    if (empty) {
      if (validate.path("required").asBoolean(false) && !conditional) {
        errors.reject(path, label + " is verplicht");
      }
      return;
    }
    switch (type) {
      case "number" -> checkNumber(value, validate, path, label, errors);
      case "datetime" -> checkDate(value, path, label, errors);
      case "checkbox" -> {
        if (!value.isBoolean() && !Set.of("true", "false").contains(value.asText())) {
          errors.reject(path, label + " moet ja of nee zijn");
        }
      }
      default -> {
        if (MULTI_OPTION_FIELDS.contains(type)) {
          checkMultiOption(field, value, path, label, errors);
        } else if (OPTION_FIELDS.contains(type)) {
          checkOption(field, value, path, label, errors);
        } else {
          checkText(value, validate, path, label, errors);
        }
      }
    }
  }

  private void checkText(JsonNode value, JsonNode validate, String path, String label, FieldErrors errors) {
    if (value.isContainerNode()) {
      errors.reject(path, label + " moet tekst zijn");
      return;
    }
    String text = value.asText();
    if (validate.has("minLength") && text.strip().length() < validate.path("minLength").asInt()) {
      errors.reject(path, label + " moet minstens " + validate.path("minLength").asInt() + " tekens hebben");
    }
    if (validate.has("maxLength") && text.length() > validate.path("maxLength").asInt()) {
      errors.reject(path, label + " mag hoogstens " + validate.path("maxLength").asInt() + " tekens hebben");
    }
    if (validate.hasNonNull("pattern") && !validate.path("pattern").asText().isEmpty()) {
      try {
        // form-js tests the pattern as a JavaScript RegExp: a match anywhere, unless anchored
        if (!Pattern.compile(validate.path("pattern").asText()).matcher(text).find()) {
          errors.reject(path, label + " heeft niet de juiste vorm");
        }
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("Invalid pattern in form field " + path, e);
      }
    }
  }

  private void checkNumber(JsonNode value, JsonNode validate, String path, String label, FieldErrors errors) {
    double number;
    if (value.isNumber()) {
      number = value.asDouble();
    } else {
      try {
        number = Double.parseDouble(value.asText().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        errors.reject(path, label + " moet een getal zijn");
        return;
      }
    }
    if (validate.has("min") && number < validate.path("min").asDouble()) {
      errors.reject(path, label + " moet minstens " + validate.path("min").asText() + " zijn");
    }
    if (validate.has("max") && number > validate.path("max").asDouble()) {
      errors.reject(path, label + " mag hoogstens " + validate.path("max").asText() + " zijn");
    }
  }

  private void checkDate(JsonNode value, String path, String label, FieldErrors errors) {
    try {
      FormValues.date(value);
    } catch (DateTimeParseException e) {
      errors.reject(path, label + " is geen geldige datum (verwacht: jjjj-mm-dd)");
    }
  }

  private void checkOption(JsonNode field, JsonNode value, String path, String label, FieldErrors errors) {
    Set<String> allowed = options(field);
    if (!allowed.isEmpty() && (value.isContainerNode() || !allowed.contains(value.asText()))) {
      errors.reject(path, label + ": kies een van " + String.join(", ", allowed));
    }
  }

  private void checkMultiOption(JsonNode field, JsonNode value, String path, String label, FieldErrors errors) {
    if (!value.isArray()) {
      errors.reject(path, label + " moet een lijst zijn");
      return;
    }
    Set<String> allowed = options(field);
    for (JsonNode item : value) {
      if (!allowed.isEmpty() && !allowed.contains(item.asText())) {
        errors.reject(path, label + ": onbekende keuze '" + item.asText() + "'");
      }
    }
    if (field.path("validate").path("required").asBoolean(false) && value.isEmpty()
        && !field.has("conditional")) {
      errors.reject(path, label + " is verplicht");
    }
  }

  private static Set<String> options(JsonNode field) {
    Set<String> values = new HashSet<>();
    field.path("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static boolean isEmpty(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return true;
    }
    if (value.isTextual()) {
      return value.asText().isBlank();
    }
    return false;
  }

  static String label(JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(""));
    return label.isBlank() ? component.path("key").asText(component.path("path").asText("veld")) : label;
  }

  private static Map<String, JsonNode> loadForms() {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> loaded = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = mapper.readTree(in);
          loaded.put(form.path("id").asText(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms", e);
    }
    return Map.copyOf(loaded);
  }

  Optional<JsonNode> form(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }
}
