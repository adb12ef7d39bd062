package nl.blijvendveilig.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.blijvendveilig.BlijvendVeiligApplication;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, item 6: production refuses to start while any stored user has a default or demo
 * password, whatever the configuration says: a user created with a placeholder, and the beheerder
 * whose stored password was set back to the demo's.
 */
class NoDefaultPasswordsIT {

  static final String DATABASE = "default_passwords";
  static final String STRONG = "Sterk-Wachtwoord-2026!";

  @Test
  void productionRefusesToStartWhileAStoredUserHasADefaultPassword() throws Exception {
    var postgres = EmbeddedPostgresDatabase.server();
    try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE);
    }
    String url = postgres.getJdbcUrl("postgres", DATABASE);

    // a production start with a strong beheerder password starts; then, with the password policy off
    // (as users made before it was switched on), two users get default passwords
    try (ConfigurableApplicationContext production =
        production(url).run("--camunda.bpm.generic-properties.properties.enable-password-policy=false")) {
      IdentityService identity = production.getBean(ProcessEngine.class).getIdentityService();
      User kees = identity.newUser("kees");
      kees.setFirstName("Kees");
      kees.setLastName("Nieuw");
      kees.setPassword("admin");
      identity.saveUser(kees);
      User beheerder = identity.createUserQuery().userId("beheerder").singleResult();
      beheerder.setPassword("Demo");
      identity.saveUser(beheerder);
    }

    assertThatThrownBy(() -> production(url).run().close())
        .hasStackTraceContaining("default or demo password")
        .hasStackTraceContaining("beheerder, kees");
  }

  private static SpringApplicationBuilder production(String url) {
    return new SpringApplicationBuilder(BlijvendVeiligApplication.class)
        .profiles("postgres")
        .properties("DB_URL=" + url, "DB_USER=postgres", "DB_PASSWORD=postgres", "ADMIN_USER=beheerder",
            "ADMIN_PASSWORD=" + STRONG, "server.port=0", "camunda.bpm.job-execution.enabled=false");
  }
}
