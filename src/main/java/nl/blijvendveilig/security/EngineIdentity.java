package nl.blijvendveilig.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The caller is the engine's current user for the rest of the request, so the engine's
 * authorizations apply to what the endpoint does; cleared afterwards, as the thread serves others.
 */
final class EngineIdentity extends OncePerRequestFilter {

  private final Supplier<IdentityService> identity;

  EngineIdentity(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CamundaUser user)) {
      chain.doFilter(request, response);
      return;
    }
    IdentityService engine = identity.get();
    engine.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      engine.clearAuthentication();
    }
  }
}
