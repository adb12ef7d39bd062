package nl.blijvendveilig.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the application refuses to start with a default password: not for the
 * configured beheerder, and not for any demo user that may have been left in the database.
 */
@Component
@Profile("!demo")
public class NoDefaultPasswords extends AbstractProcessEnginePlugin implements InitializingBean {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda");

  private final Environment environment;

  public NoDefaultPasswords(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (DEFAULT_PASSWORDS.contains(password.strip().toLowerCase())) {
      throw new IllegalStateException("Refusing to start: the beheerder (camunda.bpm.admin-user) has a default "
          + "password. Set ADMIN_PASSWORD to a strong password.");
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0 && identity.checkPassword(demo.id(), DemoUsers.PASSWORD)) {
        throw new IllegalStateException("Refusing to start: demo user '" + demo.id()
            + "' still has the demo password. Remove the demo users or change their passwords.");
      }
    }
  }
}
