package nl.blijvendveilig.security;

import nl.blijvendveilig.support.WebappSession;

import static nl.blijvendveilig.support.CaseDriver.at;
import static nl.blijvendveilig.support.EngineRestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-case access through {@code /engine-rest} and the webapps' own REST (as Tasklist calls it): the jeugdbeschermer of a case sees its tasks, process
 * instances, variables and history; another jeugdbeschermer sees nothing of it (not merely read-only);
 * the teamleider sees it; when the case moves to another jeugdbeschermer, access moves along.
 */
@PostgresIntegrationTest
class CaseAccessIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseIsVisibleToItsJeugdbeschermerAndTheTeamleiderAndInvisibleToOthers() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 4, 22, 10, 0)));
    CaseDriver zaak = CaseDriver.start(engine, Meldingen.notAcute());
    zaak.otsAssignedTo("jan", "2026-05-01", "2027-05-01");
    String key = zaak.caseNumber;
    String root = zaak.root.getId();

    int stages = count("tessa", "/process-instance?businessKey=" + key);
    assertThat(stages).as("teamleider sees every running stage").isGreaterThanOrEqualTo(4);
    assertThat(count("jan", "/process-instance?businessKey=" + key)).as("jan sees every stage").isEqualTo(stages);
    assertThat(count("jan", "/task?processInstanceBusinessKey=" + key)).isEqualTo(3);
    assertThat(count("jan", "/history/process-instance?processInstanceBusinessKey=" + key)).isPositive();
    assertThat(as("jan").get("/process-instance/" + root + "/variables").getStatusCode().value()).isEqualTo(200);

    assertThat(count("joke", "/process-instance?businessKey=" + key)).as("another jeugdbeschermer").isZero();
    assertThat(count("joke", "/task?processInstanceBusinessKey=" + key)).isZero();
    assertThat(count("joke", "/history/process-instance?processInstanceBusinessKey=" + key)).isZero();
    assertThat(as("joke").get("/process-instance/" + root + "/variables").getStatusCode().value()).isEqualTo(403);
    assertThat(count("ingrid", "/task?processInstanceBusinessKey=" + key)).as("intake: no intake work left").isZero();

    WebappSession janInTasklist = WebappSession.login(rest, "jan");
    WebappSession jokeInTasklist = WebappSession.login(rest, "joke");
    String webappTasks = "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + key
        + "&firstResult=0&maxResults=15";
    String webappHistory = "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey="
        + key + "&firstResult=0&maxResults=15";
    assertThat(json(janInTasklist.get(webappTasks))).as("Tasklist's REST, jan").hasSize(3);
    assertThat(json(janInTasklist.get(webappHistory))).as("history in the webapps, jan").isNotEmpty();
    assertThat(json(jokeInTasklist.get(webappTasks))).as("Tasklist's REST, joke").isEmpty();
    assertThat(json(jokeInTasklist.get(webappHistory))).as("history in the webapps, joke").isEmpty();

    zaak.correlate("JeugdbeschermerWijzigen", "nieuweJeugdbeschermer", "joke");
    assertThat(count("joke", "/process-instance?businessKey=" + key)).isEqualTo(stages);
    assertThat(count("joke", "/task?processInstanceBusinessKey=" + key)).isEqualTo(3);
    assertThat(count("jan", "/process-instance?businessKey=" + key)).as("jan lost access").isZero();
    assertThat(count("jan", "/task?processInstanceBusinessKey=" + key)).isZero();
    assertThat(count("jan", "/history/process-instance?processInstanceBusinessKey=" + key)).isZero();
    assertThat(json(jokeInTasklist.get(webappTasks))).as("Tasklist's REST, joke after the change").hasSize(3);
    assertThat(json(janInTasklist.get(webappTasks))).as("Tasklist's REST, jan after the change").isEmpty();
  }

  private int count(String user, String path) {
    var response = as(user).get(path);
    assertThat(response.getStatusCode().value()).as("%s %s: %s", user, path, response.getBody()).isEqualTo(200);
    return json(response).size();
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest, user, "demo");
  }
}
