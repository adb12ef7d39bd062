package nl.blijvendveilig.platform;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine acts for on this thread ({@link IdentityService#getCurrentAuthentication()}, whose
 * type is one of Camunda's internals): the user and their groups, never {@code null} groups.
 */
public record CurrentUser(String userId, List<String> groupIds) {

  public CurrentUser {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  /** The authenticated user, or {@code null} when the engine acts for nobody. */
  public static CurrentUser of(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : new CurrentUser(authentication.getUserId(), authentication.getGroupIds());
  }

  /**
   * The user the engine command running on this thread acts for (who completes a task, whichever
   * channel), or {@code null} outside a command or when the engine acts for nobody (a job).
   */
  public static String inCommand() {
    return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
  }

  public boolean inGroup(String groupId) {
    return groupIds.contains(groupId);
  }

  /**
   * Work the engine does without the caller's authorizations (look-ups for the process, not limited by
   * what the caller may read); the caller's authentication, tenants included, is restored afterwards.
   */
  public static <T> T withoutAuthentication(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
