package nl.blijvendveilig.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.MovableClock;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 13, item 6: wrong passwords lock no account, while guessing is slowed per source and for all
 * sources together, on every login channel. Each source is a client address behind the proxy
 * (X-Forwarded-For, which Tomcat takes from a local proxy); the throttle's clock is the test's, so no
 * test waits. The per-source limits are the shipped ones (10 failures within 15 minutes).
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {
    "blijvendveilig.login.global.max-failures=25",
    "blijvendveilig.login.global.interval=10s",
    "blijvendveilig.login.global.max-wait=0s",
})
@Import(LoginThrottlingIT.MovableClockConfiguration.class)
class LoginThrottlingIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.registerOwn(registry, "login_throttling");
  }

  static final String TASK_COUNT = "/engine-rest/task/count";

  @Autowired TestRestTemplate rest;
  @Autowired MovableClock clock;

  @BeforeEach
  void earlierFailuresHaveLeftEveryWindow() {
    clock.advance(Duration.ofHours(1));
  }

  @Test
  void twentyWrongPasswordsFromOneSourceDoNotLockOutTessaOrTheBeheerder() {
    for (int i = 0; i < 20; i++) {
      assertThat(basic("198.51.100.66", TASK_COUNT, "tessa", "geraden" + i).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(basic("198.51.100.67", "/actuator/prometheus", "beheerder", "geraden" + i).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    assertThat(basic("203.0.113.10", TASK_COUNT, "tessa", "demo").getStatusCode())
        .as("tessa from her own computer").isEqualTo(HttpStatus.OK);
    assertThat(formLogin("203.0.113.11", "tessa", "demo").getStatusCode())
        .as("tessa in Tasklist").isEqualTo(HttpStatus.OK);
    assertThat(basic("203.0.113.12", TASK_COUNT, "beheerder", "demo").getStatusCode())
        .as("the beheerder").isEqualTo(HttpStatus.OK);
    assertThat(basic("203.0.113.12", "/actuator/prometheus", "beheerder", "demo").getStatusCode())
        .as("the beheerder at the metrics (not exported in tests)").isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
  }

  @Test
  void aGuessingSourceIsRefusedUncheckedOnEveryChannelUntilItsFailuresAge() {
    String guesser = "198.51.100.20";
    for (int i = 0; i < 10; i++) {
      assertThat(basic(guesser, TASK_COUNT, "gerard", "geraden" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<String> engineRest = basic(guesser, TASK_COUNT, "gerard", "demo");
    assertThat(engineRest.getStatusCode()).as("the right password, not checked").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engineRest.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
    assertThat(basic(guesser, "/api/cases", "gerard", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(basic(guesser, "/dashboard", "tessa", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(basic(guesser, "/actuator/prometheus", "beheerder", "demo").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(formLogin(guesser, "gerard", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(basic("203.0.113.20", TASK_COUNT, "gerard", "demo").getStatusCode())
        .as("gerard from another source").isEqualTo(HttpStatus.OK);

    clock.advance(Duration.ofMinutes(15));
    assertThat(basic(guesser, TASK_COUNT, "gerard", "demo").getStatusCode())
        .as("15 minutes after the failures").isEqualTo(HttpStatus.OK);
  }

  @Test
  void theWebappsLoginFormIsThrottledLikeBasicAuthentication() {
    String guesser = "198.51.100.30";
    for (int i = 0; i < 10; i++) {
      assertThat(formLogin(guesser, "julia", "geraden" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(formLogin(guesser, "julia", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(basic(guesser, TASK_COUNT, "julia", "demo").getStatusCode())
        .as("failures in the form count for basic authentication too").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(formLogin("203.0.113.30", "julia", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void overTheGlobalCapGuessingFromManyAddressesIsSlowedToOneCheckPerInterval() {
    for (int source = 1; source <= 5; source++) {
      for (int i = 0; i < 5; i++) {
        assertThat(basic("192.0.2." + source, TASK_COUNT, "jan", "geraden" + i).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
      }
    }

    assertThat(basic("203.0.113.40", TASK_COUNT, "jan", "demo").getStatusCode())
        .as("the first check after the cap").isEqualTo(HttpStatus.OK);
    ResponseEntity<String> tooSoon = basic("203.0.113.41", TASK_COUNT, "joke", "demo");
    assertThat(tooSoon.getStatusCode()).as("the next is 10 s away, more than max-wait")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tooSoon.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");

    clock.advance(Duration.ofSeconds(10));
    assertThat(basic("203.0.113.41", TASK_COUNT, "joke", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(basic("203.0.113.42", TASK_COUNT, "jan", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    clock.advance(Duration.ofMinutes(1));
    assertThat(basic("203.0.113.42", TASK_COUNT, "jan", "demo").getStatusCode())
        .as("the failures have left the minute").isEqualTo(HttpStatus.OK);
    assertThat(basic("203.0.113.43", TASK_COUNT, "joke", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> basic(String source, String path, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.set("X-Forwarded-For", source);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** The webapps' login form as a browser sends it: the session and CSRF cookie of the page first. */
  private ResponseEntity<String> formLogin(String source, String user, String password) {
    HttpHeaders pageHeaders = new HttpHeaders();
    pageHeaders.set("X-Forwarded-For", source);
    ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
        new HttpEntity<>(pageHeaders), String.class);
    List<String> cookies = new ArrayList<>();
    String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
    for (String setCookie : page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String cookie = setCookie.split(";")[0];
      cookies.add(cookie);
      if (csrf == null && cookie.startsWith("XSRF-TOKEN=")) {
        csrf = cookie.substring("XSRF-TOKEN=".length());
      }
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", csrf);
    headers.set("X-Forwarded-For", source);
    headers.put(HttpHeaders.COOKIE, cookies);
    return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
  }

  /** The throttle's clock, moved by the test. */
  @TestConfiguration
  static class MovableClockConfiguration {
    @Bean
    MovableClock loginThrottleClock() {
      return new MovableClock();
    }
  }
}
