package nl.blijvendveilig.platform;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/**
 * A change a person may not make ({@link UserCommandGuard}): 403 with a Dutch message, and, like the
 * engine's own refusals, the task or process instance it was aimed at, so the access log records the
 * refusal with the case it touched.
 */
public class RefusedChange extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  private final transient List<MissingAuthorization> aimedAt;

  RefusedChange(String message, List<MissingAuthorization> aimedAt) {
    super(message);
    this.aimedAt = List.copyOf(aimedAt);
  }

  @Override
  public List<MissingAuthorization> getMissingAuthorizations() {
    return aimedAt;
  }
}
