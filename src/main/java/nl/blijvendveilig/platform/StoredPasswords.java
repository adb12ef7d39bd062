package nl.blijvendveilig.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Compares the stored password hashes of the engine's users with given passwords, as the engine's
 * own check does (salt, then the configured hash), but without a login attempt: nothing is counted
 * or written, and no login throttling applies.
 */
public final class StoredPasswords {

  private static final int PAGE = 500;

  private StoredPasswords() {
  }

  /** The ids of the stored users whose password is one of {@code candidates.apply(userId)}. */
  public static List<String> usersWithPasswordAmong(ProcessEngine engine,
      Function<String, Collection<String>> candidates) {
    PasswordManager passwords =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    List<String> found = new ArrayList<>();
    List<User> page;
    int first = 0;
    do {
      page = engine.getIdentityService().createUserQuery().orderByUserId().asc().listPage(first, PAGE);
      for (User user : page) {
        // users of another identity provider (LDAP) have no stored password here
        if (user instanceof UserEntity stored && stored.getPassword() != null
            && candidates.apply(stored.getId()).stream().anyMatch(candidate ->
                passwords.check(EncryptionUtil.saltPassword(candidate, stored.getSalt()), stored.getPassword()))) {
          found.add(stored.getId());
        }
      }
      first += page.size();
    } while (page.size() == PAGE);
    return found;
  }
}
