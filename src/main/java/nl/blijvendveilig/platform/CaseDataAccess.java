package nl.blijvendveilig.platform;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What one user request read and changed inside the engine, for the access log: the ids of the
 * process instances whose rows the engine returned or wrote, and what the engine refused. Filled by
 * {@link ProcessInstancesTouched} (every row MyBatis reads or writes) and {@link CommandOutcome}
 * (every engine command: its reads count only when it succeeds, its refusals always); opened and
 * closed per request by {@link AccessLogChannels}. Nothing is collected outside a request (job
 * executor, start-up), so the engine's own work is never logged as a user's.
 */
public final class CaseDataAccess {

  private static final ThreadLocal<CaseDataAccess> CURRENT = new ThreadLocal<>();

  /** process instance id -> changed (true) or only read (false), of the commands that succeeded */
  final Map<String, Boolean> instances = new HashMap<>();
  boolean wrote;
  private Map<String, Boolean> pending = new HashMap<>();
  private boolean pendingWrote;
  private int depth;

  String engineUser;
  String filterUser;
  boolean refused;
  /** the permission the engine found missing, e.g. READ or UPDATE */
  final Set<String> refusedPermissions = new HashSet<>();
  final Set<String> refusedInstances = new HashSet<>();
  final Set<String> refusedTasks = new HashSet<>();
  private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  /** cases the project's own code already logged during this request, and cases its API returned */
  final Set<String> logged = new HashSet<>();
  boolean loggedAny;
  final Set<String> returned = new HashSet<>();

  private CaseDataAccess() {
  }

  static CaseDataAccess open() {
    CaseDataAccess access = new CaseDataAccess();
    CURRENT.set(access);
    return access;
  }

  static void close() {
    CURRENT.remove();
  }

  static CaseDataAccess current() {
    return CURRENT.get();
  }

  /** The project's own code logged this case (or, with {@code null}, an entry without case) for the current request. */
  public static void logged(String caseNumber) {
    CaseDataAccess access = CURRENT.get();
    if (access != null) {
      access.loggedAny = true;
      if (caseNumber != null) {
        access.logged.add(caseNumber);
      }
    }
  }

  /** The project's API returns this case's data in the current request's answer. */
  public static void returned(String caseNumber) {
    CaseDataAccess access = CURRENT.get();
    if (access != null && caseNumber != null) {
      access.returned.add(caseNumber);
    }
  }

  void read(String processInstanceId) {
    target().putIfAbsent(processInstanceId, false);
  }

  void changed(String processInstanceId) {
    target().put(processInstanceId, true);
  }

  void wrote() {
    if (depth > 0) {
      pendingWrote = true;
    } else {
      wrote = true;
    }
  }

  private Map<String, Boolean> target() {
    return depth > 0 ? pending : instances;
  }

  void commandStarts(String userId) {
    if (depth++ == 0) {
      pending = new HashMap<>();
      pendingWrote = false;
    }
    if (engineUser == null && userId != null) {
      engineUser = userId;
    }
  }

  /** The outermost command decides: what it read counts when it succeeded; a failed command returned nothing. */
  void commandEnds(boolean succeeded) {
    if (--depth == 0 && succeeded) {
      pending.forEach((id, changed) -> instances.merge(id, changed, Boolean::logicalOr));
      wrote |= pendingWrote;
    }
  }

  void refusedBy(AuthorizationException refusal) {
    if (!seen.add(refusal)) {
      return;
    }
    refused = true;
    for (MissingAuthorization missing : refusal.getMissingAuthorizations()) {
      refusedPermissions.add(missing.getViolatedPermissionName());
      String id = missing.getResourceId();
      if (id == null || id.equals("*")) {
        continue;
      }
      String type = missing.getResourceType();
      if (Resources.PROCESS_INSTANCE.resourceName().equals(type)
          || Resources.HISTORIC_PROCESS_INSTANCE.resourceName().equals(type)) {
        refusedInstances.add(id);
      } else if (Resources.TASK.resourceName().equals(type) || Resources.HISTORIC_TASK.resourceName().equals(type)) {
        refusedTasks.add(id);
      }
    }
  }
}
