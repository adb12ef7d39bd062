package nl.blijvendveilig.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The variables of one form submission as a JSON tree, whatever way they came in: Tasklist sends
 * checklists and dynamic lists as Spin {@code Json}, REST clients may send them as JSON strings,
 * and date fields arrive as ISO strings. Parsing of those shapes happens here and nowhere else.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root;

  private FormValues(ObjectNode root) {
    this.root = root;
  }

  public static FormValues of(Map<String, Object> variables) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    variables.forEach((name, value) -> root.set(name, toJson(value)));
    return new FormValues(root);
  }

  static FormValues ofJson(ObjectNode root) {
    return new FormValues(root);
  }

  public ObjectNode root() {
    return root;
  }

  public JsonNode get(String key) {
    JsonNode node = root.get(key);
    return node == null ? JsonNodeFactory.instance.nullNode() : node;
  }

  public Optional<String> text(String key) {
    return text(get(key));
  }

  public static Optional<String> text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return Optional.empty();
    }
    String value = node.asText().strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A date field: {@code 2026-01-31}, or a date-time whose date part counts. */
  public static Optional<LocalDate> date(JsonNode node) throws DateTimeParseException {
    Optional<String> text = text(node);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.length() > 10) {
      return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(ZoneId.of("Europe/Amsterdam")).toLocalDate());
    }
    return Optional.of(LocalDate.parse(value));
  }

  static JsonNode toJson(Object value) {
    if (value == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (value instanceof SpinJsonNode spin) {
      return parse(spin.toString());
    }
    if (value instanceof String s) {
      String trimmed = s.strip();
      if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
        try {
          return JSON.readTree(trimmed);
        } catch (Exception notJson) {
          return JsonNodeFactory.instance.textNode(s);
        }
      }
      return JsonNodeFactory.instance.textNode(s);
    }
    if (value instanceof Date date) {
      return JsonNodeFactory.instance.textNode(date.toInstant().toString());
    }
    try {
      return JSON.valueToTree(value);
    } catch (IllegalArgumentException notMappable) {
      return JsonNodeFactory.instance.textNode(String.valueOf(value));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      return JsonNodeFactory.instance.textNode(json);
    }
  }
}
