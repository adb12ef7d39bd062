package nl.blijvendveilig.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Around every engine command of a user request (outside the transaction, so around the flush of its
 * writes too): who the engine acted for, whether the command succeeded (only then does what it read
 * count as read), and what the engine refused ({@link AuthorizationException}, whatever the channel).
 */
final class CommandOutcome extends CommandInterceptor {

  private final Supplier<IdentityService> identity;

  CommandOutcome(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CaseDataAccess access = CaseDataAccess.current();
    if (access == null) {
      return next.execute(command);
    }
    IdentityService identities = identity.get();
    Authentication user = identities == null ? null : identities.getCurrentAuthentication();
    access.commandStarts(user == null ? null : user.getUserId());
    boolean succeeded = false;
    try {
      T result = next.execute(command);
      succeeded = true;
      return result;
    } catch (RuntimeException failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof AuthorizationException refusal) {
          access.refusedBy(refusal);
        }
      }
      throw failure;
    } finally {
      access.commandEnds(succeeded);
    }
  }
}
