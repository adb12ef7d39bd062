package nl.blijvendveilig.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The channels through which users read and change case data, each request watched from before its
 * authentication (so refused logins are seen) to its answer: the engine's REST ({@code /engine-rest}),
 * the webapps' REST (Tasklist and Cockpit: {@code /camunda/api/engine}, {@code /camunda/api/tasklist}),
 * Cockpit's plugins ({@code /camunda/api/cockpit}) and the project's API ({@code /api}). At the end of
 * the request the cases that the engine read, changed or refused are looked up (root business key)
 * and handed to the {@link CaseAccessLog}.
 */
@Configuration
public class AccessLogChannels {

  private static final Logger LOG = LoggerFactory.getLogger(AccessLogChannels.class);
  private static final String[] PATHS = {"/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*",
      "/camunda/api/cockpit/*", "/api/*"};
  private static final String ENGINE = "default";

  /** Outside every authentication filter (they run at 100, the webapps' after all registered filters). */
  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> accessLogRequests(ObjectProvider<CaseAccessLog> log,
      @Lazy RootBusinessKeys keys) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        CaseDataAccess access = CaseDataAccess.open();
        // the answer is held back until its entries are written: no case data leaves unlogged
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean failed = true;
        try {
          chain.doFilter(request, answer);
          failed = false;
        } finally {
          CaseDataAccess.close();
          boolean logged = false;
          try {
            CaseAccessLog audit = log.getIfAvailable();
            if (audit != null) {
              audit.requestEnded(report(request, failed ? 500 : answer.getStatus(), access, keys));
            }
            logged = true;
          } catch (RuntimeException e) {
            LOG.error("Toegangslogboek niet bijgewerkt voor {} {}", request.getMethod(), request.getRequestURI(), e);
          }
          if (logged || response.isCommitted()) {
            answer.copyBodyToResponse();
          } else {
            answer.resetBuffer();
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":503,\"message\":\"Het toegangslogboek is niet bij te werken; "
                + "probeer het later opnieuw\"}");
          }
        }
      }
    });
    registration.setName("access-log-requests");
    registration.addUrlPatterns(PATHS);
    registration.setOrder(-200);
    return registration;
  }

  /** Inside the authentication filters of {@code /engine-rest} and {@code /api}: who is logged in. */
  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> accessLogUser(@Lazy IdentityService identity) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        CaseDataAccess access = CaseDataAccess.current();
        Authentication current = identity.getCurrentAuthentication();
        if (access != null && current != null) {
          access.filterUser = current.getUserId();
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("access-log-user");
    registration.addUrlPatterns(PATHS);
    registration.setOrder(200);
    return registration;
  }

  static CaseAccessReport report(HttpServletRequest request, int status, CaseDataAccess access, RootBusinessKeys keys) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String channel = path.startsWith("/engine-rest/") ? "rest"
        : path.startsWith("/camunda/api/cockpit/") ? "cockpit"
        : path.startsWith("/camunda/") ? "webapps" : "api";
    // the login of the channel first; the webapps' is known to the engine or kept in the session
    String user = access.filterUser != null ? access.filterUser
        : access.engineUser != null ? access.engineUser : webappUser(request);
    boolean refused = access.refused || status == HttpServletResponse.SC_UNAUTHORIZED
        || status == HttpServletResponse.SC_FORBIDDEN;

    Map<String, String> taskInstances = access.refusedTasks.isEmpty() ? Map.of()
        : keys.instancesOfTasks(access.refusedTasks);
    Set<String> instances = new HashSet<>(access.instances.keySet());
    instances.addAll(access.refusedInstances);
    instances.addAll(taskInstances.values());
    Map<String, String> caseOf = instances.isEmpty() ? Map.of() : keys.ofInstances(instances);

    Map<String, Boolean> cases = new HashMap<>();
    access.instances.forEach((id, changed) -> {
      String caseNumber = caseOf.get(id);
      if (caseNumber != null) {
        cases.merge(caseNumber, changed, Boolean::logicalOr);
      }
    });
    Set<String> refusedCases = new HashSet<>();
    access.refusedInstances.forEach(id -> add(refusedCases, caseOf.get(id)));
    taskInstances.values().forEach(id -> add(refusedCases, caseOf.get(id)));
    boolean readMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    boolean refusedRead = access.refusedPermissions.isEmpty() ? readMethod
        : access.refusedPermissions.stream().allMatch(p -> p != null && p.startsWith("READ"));
    return new CaseAccessReport(user, user == null && refused ? basicUser(request) : null, channel,
        request.getMethod() + " " + path, status, readMethod, cases, access.wrote, refused, refusedCases, refusedRead,
        Set.copyOf(access.logged), access.loggedAny, Set.copyOf(access.returned));
  }

  private static void add(Set<String> cases, String caseNumber) {
    if (caseNumber != null) {
      cases.add(caseNumber);
    }
  }

  /** The user logged in to the webapps, as the webapps keep it in the session. */
  static String webappUser(HttpServletRequest request) {
    try {
      HttpSession session = request.getSession(false);
      Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      return all != null && all.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
          ? user.getIdentityId() : null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /** The name sent with HTTP basic authentication (not checked: only to describe a refused login). */
  static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String name = colon < 0 ? decoded : decoded.substring(0, colon);
      name = name.replaceAll("\\p{Cntrl}", "?");
      return name.isBlank() ? null : name.substring(0, Math.min(name.length(), 64));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
