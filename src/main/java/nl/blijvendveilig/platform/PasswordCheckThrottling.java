package nl.blijvendveilig.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.security.LoginThrottle;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every login ends in the engine's {@code CheckPassword} command: the webapps' login form, HTTP
 * basic on {@code /engine-rest}, and the project's {@code /api}, pages and metrics. Here, before the
 * command runs, the {@link LoginThrottle} decides whether the password is checked at all; a refused
 * attempt is answered as a wrong password (401), with {@code Retry-After}.
 *
 * <p>Camunda's own throttling is per user: after a failure the account is locked for a growing delay
 * and after {@code loginMaxAttempts} failures for good, so anyone who knows a user name can lock that
 * user out, the beheerder too. It is switched off here, after the configuration's properties are
 * applied, so no property can switch it back on.
 */
@Component
public class PasswordCheckThrottling extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  public PasswordCheckThrottling(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withThrottle(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withThrottle(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(NoAccountLock.class));
  }

  /**
   * Camunda's identity provider without its account lock: a failed password writes no lock time and
   * no lock is read, so neither a guesser nor a clock set back (a lock time "in the future") shuts a
   * user out. The throttle above slows guessing instead.
   */
  public static class NoAccountLock extends DbIdentityServiceProvider {

    @Override
    protected boolean isUserLocked(UserEntity user) {
      return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
      // no account lock: see LoginThrottle
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // never a per-user lock: no failure count that locks, no delay after a failure
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
  }

  private List<CommandInterceptor> withThrottle(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new Interceptor(throttle));
    return all;
  }

  static final class Interceptor extends CommandInterceptor {

    private final LoginThrottle throttle;

    Interceptor(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (!(command instanceof CheckPassword)) {
        return next.execute(command);
      }
      String source = LoginThrottle.currentSource();
      LoginThrottle.Admission admission = throttle.admit(source);
      if (!admission.allowed()) {
        LoginThrottle.tellRetryAfter(admission.delay());
        return (T) Boolean.FALSE;
      }
      waitFor(admission.delay());
      T result;
      try {
        result = next.execute(command);
      } catch (RuntimeException noVerdict) {
        throttle.abandon(source);
        throw noVerdict;
      }
      throttle.record(source, Boolean.TRUE.equals(result));
      return result;
    }

    /** Before the transaction: no database connection is held while an attempt waits its turn. */
    private static void waitFor(Duration delay) {
      if (delay.isZero()) {
        return;
      }
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
