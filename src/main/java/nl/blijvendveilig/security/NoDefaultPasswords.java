package nl.blijvendveilig.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.blijvendveilig.platform.EngineReady;
import nl.blijvendveilig.platform.StoredPasswords;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the application refuses to start while any account has a default
 * password: not the configured beheerder, and not any user stored in the database (demo users left
 * behind, an account created with a placeholder, the beheerder whose password was never changed).
 * A password equal to the user's own id counts as a default too.
 */
@Component
@Profile("!demo")
public class NoDefaultPasswords implements EngineReady, InitializingBean {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "administrator", "password", "wachtwoord",
      "camunda", "welkom", "welcome", "changeme", "geheim", "secret", "test", "beheerder");

  private final Environment environment;

  public NoDefaultPasswords(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (DEFAULT_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException("Refusing to start: the beheerder (camunda.bpm.admin-user) has a default "
          + "password. Set ADMIN_PASSWORD to a strong password.");
    }
  }

  @Override
  public void engineReady(ProcessEngine engine) {
    List<String> users = StoredPasswords.usersWithPasswordAmong(engine, NoDefaultPasswords::defaultsFor);
    if (!users.isEmpty()) {
      throw new IllegalStateException("Refusing to start: user(s) " + String.join(", ", users)
          + " still have a default or demo password. Give them a strong password (Camunda Admin) or remove them.");
    }
  }

  /** The default passwords as typed: lower case, capitalised, upper case; and the user's own id. */
  static Set<String> defaultsFor(String userId) {
    Set<String> candidates = new LinkedHashSet<>();
    for (String password : DEFAULT_PASSWORDS) {
      candidates.add(password);
      candidates.add(Character.toUpperCase(password.charAt(0)) + password.substring(1));
      candidates.add(password.toUpperCase(Locale.ROOT));
    }
    candidates.add(userId);
    return candidates;
  }
}
