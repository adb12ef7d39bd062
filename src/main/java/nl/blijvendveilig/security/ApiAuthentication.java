package nl.blijvendveilig.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls the project's own API ({@code /api}) and pages ({@code /cases}, {@code /dashboard}): a
 * user logged in to the Camunda webapps (the same session as Tasklist and Cockpit, so a worker who
 * follows the link in a task form is logged in already), or another system with HTTP basic
 * authentication against the engine's users. That user's groups then decide, as for
 * {@code /engine-rest}. The API answers 401 without either; the pages show their own login.
 */
@Configuration
public class ApiAuthentication {

  static final String ENGINE = "default";
  static final int MAX_GROUPS = 100;

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> apiAuthenticationFilter(@Lazy ProcessEngine engine) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(engine, true, null));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> pageAuthenticationFilter(@Lazy ProcessEngine engine) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(engine, false, null));
    registration.setName("page-authentication");
    registration.addUrlPatterns("/cases/*", "/dashboard");
    registration.setOrder(100);
    return registration;
  }

  /** Prometheus scrapes the metrics with the beheerder's credentials (or another member of camunda-admin). */
  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> metricsAuthenticationFilter(@Lazy ProcessEngine engine) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(engine, true, Role.BEHEERDER.groupId()));
    registration.setName("metrics-authentication");
    registration.addUrlPatterns("/actuator/prometheus");
    registration.setOrder(100);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final boolean required;
    private final String requiredGroup;

    Filter(ProcessEngine engine, boolean required, String requiredGroup) {
      this.engine = engine;
      this.required = required;
      this.requiredGroup = requiredGroup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      IdentityService identity = engine.getIdentityService();
      // case data about children is never kept in a browser's or proxy's cache
      response.setHeader("Cache-Control", "no-store");
      Optional<UserAuthentication> webapp = webappLogin(request.getSession(false));
      boolean basic = Optional.ofNullable(request.getHeader("Authorization")).orElse("").regionMatches(true, 0,
          "Basic ", 0, 6);
      String userId = null;
      if (basic) {
        AuthenticationResult result = new HttpBasicAuthenticationProvider().extractAuthenticatedUser(request, engine);
        userId = result.isAuthenticated() ? result.getAuthenticatedUser() : null;
        if (userId != null) {
          identity.setAuthentication(userId, groupsOf(identity, userId), tenantsOf(identity, userId));
        }
      } else if (webapp.isPresent()) {
        userId = webapp.get().getIdentityId();
        identity.setAuthentication(userId, webapp.get().getGroupIds(), webapp.get().getTenantIds());
      }
      if (userId == null && required) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        // a page's own script handles the login; other clients are told to use basic authentication
        if (request.getHeader("X-Requested-With") == null) {
          response.setHeader("WWW-Authenticate", "Basic realm=\"" + ENGINE + "\"");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":401,\"message\":\"Log in om dit te zien (Tasklist of HTTP basic)\"}");
        return;
      }
      try {
        if (requiredGroup != null && (identity.getCurrentAuthentication().getGroupIds() == null
            || !identity.getCurrentAuthentication().getGroupIds().contains(requiredGroup))) {
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setContentType("application/json");
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write("{\"status\":403,\"message\":\"Alleen de beheerder ziet dit\"}");
          return;
        }
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    static Optional<UserAuthentication> webappLogin(HttpSession session) {
      if (session == null) {
        return Optional.empty();
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      return authentications != null
          && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
          ? Optional.of(user) : Optional.empty();
    }

    private static List<String> groupsOf(IdentityService identity, String userId) {
      return identity.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS).stream().map(Group::getId).toList();
    }

    private static List<String> tenantsOf(IdentityService identity, String userId) {
      return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).listPage(0, MAX_GROUPS)
          .stream().map(Tenant::getId).toList();
    }
  }
}
