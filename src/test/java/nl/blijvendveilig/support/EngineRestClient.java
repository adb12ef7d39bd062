package nl.blijvendveilig.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls {@code /engine-rest} as a user with HTTP basic authentication, the way any client does. */
public final class EngineRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;
  private final String password;

  public EngineRestClient(TestRestTemplate rest, String user, String password) {
    this.rest = rest;
    this.user = user;
    this.password = password;
  }

  /** List queries are paged, as the engine's queryMaxResultsLimit demands and Tasklist does. */
  public ResponseEntity<String> get(String path) {
    return rest.exchange("/engine-rest" + paged(path), HttpMethod.GET, new HttpEntity<>(headers()), String.class);
  }

  static String paged(String path) {
    boolean list = path.matches("^/(task|process-instance|history/[a-z-]+)(\\?.*)?$");
    if (!list || path.contains("maxResults")) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + "firstResult=0&maxResults=100";
  }

  public ResponseEntity<String> post(String path, String body) {
    return rest.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers()), String.class);
  }

  public ResponseEntity<String> postVariables(String path, Map<String, Object> variables) {
    return post(path, variablesBody(variables).toString());
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException("Not JSON: " + response.getBody(), e);
    }
  }

  /** {"variables": {name: {value, type}}} with Json values as Tasklist sends checklists and lists. */
  public static ObjectNode variablesBody(Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((name, value) -> {
      ObjectNode v = vars.putObject(name);
      if (value instanceof JsonValue json) {
        v.put("value", json.getValueSerialized());
        v.put("type", "Json");
      } else if (value instanceof Long l) {
        v.put("value", l);
        v.put("type", "Long");
      } else if (value instanceof Boolean b) {
        v.put("value", b);
        v.put("type", "Boolean");
      } else {
        v.put("value", String.valueOf(value));
        v.put("type", "String");
      }
    });
    return body;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    return headers;
  }
}
