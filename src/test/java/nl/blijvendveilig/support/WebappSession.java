package nl.blijvendveilig.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A user logged in to the Camunda webapps as a browser is: session cookie and CSRF token, then the
 * webapps' own REST ({@code /camunda/api/engine}) that Tasklist and Cockpit call, and the project's
 * API as its pages call it (with the session's token for the API).
 */
public final class WebappSession {

  static final String API_CSRF_HEADER = "X-CSRF-TOKEN";

  private final TestRestTemplate rest;
  private final List<String> cookies;
  private final String csrf;
  private String apiToken;

  private WebappSession(TestRestTemplate rest, List<String> cookies, String csrf) {
    this.rest = rest;
    this.cookies = cookies;
    this.csrf = csrf;
  }

  public static WebappSession login(TestRestTemplate rest, String user) {
    return login(rest, user, "tasklist");
  }

  /** Logged in through the login of one webapp ({@code tasklist}, {@code cockpit}, {@code admin}). */
  public static WebappSession login(TestRestTemplate rest, String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = new ArrayList<>(cookieValues(page.getHeaders()));
    String csrf = csrf(cookies, page.getHeaders());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", csrf);
    headers.put(HttpHeaders.COOKIE, cookies);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=demo", headers), String.class);
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("login of " + user + " failed: " + login.getStatusCode() + " " + login.getBody());
    }
    List<String> after = cookieValues(login.getHeaders());
    List<String> merged = new ArrayList<>(after);
    cookies.stream().filter(c -> after.stream().noneMatch(a -> a.split("=")[0].equals(c.split("=")[0])))
        .forEach(merged::add);
    return new WebappSession(rest, merged, csrf(merged, login.getHeaders()));
  }

  public ResponseEntity<String> get(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.put(HttpHeaders.COOKIE, cookies);
    headers.set("X-XSRF-TOKEN", csrf);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** A JSON POST as the pages send it: the session cookie and the session's CSRF token for the project's API. */
  public ResponseEntity<String> postJson(String path, String json) {
    return exchange(HttpMethod.POST, path, json, headers -> { });
  }

  /** A call as the pages send it (JSON, the session cookie and its CSRF token), its headers changed first. */
  public ResponseEntity<String> exchange(HttpMethod method, String path, String body, Consumer<HttpHeaders> change) {
    HttpHeaders headers = new HttpHeaders();
    headers.put(HttpHeaders.COOKIE, cookies);
    String token = apiToken();
    if (token != null) {
      headers.set(API_CSRF_HEADER, token);
    }
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    headers.set("X-Requested-With", "XMLHttpRequest");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    change.accept(headers);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** The project's API sends the session's token with every answer to it, as the pages read it. */
  private String apiToken() {
    if (apiToken == null) {
      apiToken = get("/api/me").getHeaders().getFirst(API_CSRF_HEADER);
    }
    return apiToken;
  }

  /** A JSON POST with the session and its CSRF token, as Tasklist's own calls are sent. */
  public ResponseEntity<String> postJsonWithToken(String path, String json) {
    // the session's token, as Tasklist reads it from its page after the login
    HttpHeaders page = new HttpHeaders();
    page.put(HttpHeaders.COOKIE, cookies);
    ResponseEntity<String> app = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(page),
        String.class);
    String token = csrf(cookieValues(app.getHeaders()), app.getHeaders());
    HttpHeaders headers = new HttpHeaders();
    List<String> withToken = new ArrayList<>(cookies.stream().filter(c -> !c.startsWith("XSRF-TOKEN=")).toList());
    withToken.add("XSRF-TOKEN=" + (token.isEmpty() ? csrf : token));
    headers.put(HttpHeaders.COOKIE, withToken);
    headers.set("X-XSRF-TOKEN", token.isEmpty() ? csrf : token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  private static List<String> cookieValues(HttpHeaders headers) {
    List<String> values = new ArrayList<>();
    for (String setCookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      values.add(setCookie.split(";")[0]);
    }
    return values;
  }

  private static String csrf(List<String> cookies, HttpHeaders headers) {
    String fromHeader = headers.getFirst("X-XSRF-TOKEN");
    if (fromHeader != null) {
      return fromHeader;
    }
    return cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()))
        .findFirst().orElse("");
  }
}
