package nl.blijvendveilig.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.blijvendveilig.platform.WebappSessions;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of the Camunda webapps counts here too: a worker logged in to Tasklist who follows a
 * link to {@code /cases/...} is logged in (HTTP basic, when sent, was tried first and wins). The
 * answer carries the session's CSRF token in {@code X-CSRF-TOKEN}, which the pages send with a change.
 */
final class WebappSessionLogin extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var context = SecurityContextHolder.getContext();
    if (!(context.getAuthentication() instanceof CamundaUser)) {
      WebappSessions.login(request).ifPresent(login -> {
        context.setAuthentication(new CamundaUser(login.userId(), login.groupIds(), login.tenantIds()));
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
          response.setHeader(token.getHeaderName(), token.getToken());
        }
      });
    }
    chain.doFilter(request, response);
  }
}
