package nl.blijvendveilig.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * What the Camunda webapps keep in a browser's HTTP session, read for the project's own endpoints:
 * who logged in to Tasklist, Cockpit or Admin, with the groups and tenants the webapps loaded at
 * login. The only class that knows these internals of {@code org.camunda.bpm.webapp.impl}.
 */
public final class WebappSessions {

  static final String ENGINE = "default";

  /** A user logged in to the webapps of the engine. */
  public record WebappLogin(String userId, List<String> groupIds, List<String> tenantIds) {
  }

  private WebappSessions() {
  }

  public static Optional<WebappLogin> login(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      return Optional.of(new WebappLogin(user.getIdentityId(), listOrEmpty(user.getGroupIds()),
          listOrEmpty(user.getTenantIds())));
    }
    return Optional.empty();
  }

  private static List<String> listOrEmpty(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
