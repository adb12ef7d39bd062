package nl.blijvendveilig.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every authenticated call to the engine's REST API ({@code /engine-rest}) and to the webapps'
 * own REST (Tasklist and Cockpit, {@code /camunda/api/engine}): who, when, what (method and path),
 * the channel, and the case when the call names it. Runs inside the authentication filter so the
 * user is known.
 */
@Configuration
public class EngineAccessAudit {

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> engineAccessAuditFilter(@Lazy AuditLog audit,
      @Lazy IdentityService identity) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } finally {
          String user = user(request, identity);
          if (user != null && response.getStatus() < 400) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean webapps = path.startsWith("/camunda/");
            audit.record(user, request.getParameter("processInstanceBusinessKey"),
                "GET".equals(request.getMethod()) ? AuditLog.Action.LEZEN : AuditLog.Action.WIJZIGEN,
                request.getMethod() + " " + path, webapps ? "webapps" : "rest");
          }
        }
      }
    });
    registration.setName("engine-access-audit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(200);
    return registration;
  }

  static String user(HttpServletRequest request, IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    // the webapps keep their login in the HTTP session
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object authentications = session.getAttribute("authenticatedUser");
    if (authentications instanceof org.camunda.bpm.webapp.impl.security.auth.Authentications all) {
      return all.getAuthentications().stream().map(a -> a.getName()).findFirst().orElse(null);
    }
    return null;
  }
}
