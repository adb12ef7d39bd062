package nl.blijvendveilig.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import nl.blijvendveilig.platform.WebappSessions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one Spring Security filter chain, for the project's own endpoints only: the API ({@code /api}),
 * the pages ({@code /cases}, {@code /dashboard}) and the metrics. Camunda's webapps, {@code /engine-rest}
 * and the static files keep their own security (no chain matches them; Spring Boot's default user and
 * chain are not made).
 *
 * <p>Who calls: another system with HTTP basic against the engine's users, or a user logged in to the
 * Camunda webapps (the same session as Tasklist and Cockpit, so a worker who follows the link in a task
 * form is logged in already). Their Camunda groups are their authorities and the engine's current
 * authentication for the request ({@link EngineIdentity}). The API answers 401 without either; the
 * pages show their own login.
 *
 * <p>What a browser cannot be tricked into: a change (POST, PUT, DELETE) by a webapp session needs
 * the session's CSRF token in the header {@code X-CSRF-TOKEN}, as the webapps' own calls need theirs
 * in {@code X-XSRF-TOKEN}: a token kept in the session and sent with every answer to it. A client
 * with HTTP basic needs none (a browser cannot add that header to another site's request). Any call
 * from another origin is refused ({@link SameOriginOnly}). Every answer forbids caching, framing,
 * sniffing and content from elsewhere (Content-Security-Policy).
 */
@Configuration
public class ApiAuthentication {

  static final String[] ENDPOINTS = {"/api/**", "/cases/**", "/dashboard", "/actuator/prometheus"};
  static final String METRICS = "/actuator/prometheus";
  /** HTML shells without data: they show a login form when the caller has none. */
  static final String[] PAGES = {"/cases/*", "/dashboard"};
  static final int MAX_GROUPS = 100;
  static final String REALM = "default";

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
      + "base-uri 'none'";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  public SecurityFilterChain projectEndpoints(HttpSecurity http, ObjectProvider<IdentityService> identity,
      @Value("${camunda.bpm.webapp.header-security.hsts-max-age:63072000}") long hstsMaxAge) throws Exception {
    http.securityMatcher(ENDPOINTS)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(METRICS).hasAuthority(Role.BEHEERDER.groupId())
            .requestMatchers(PAGES).permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(notLoggedIn()))
        .addFilterAfter(new WebappSessionLogin(), BasicAuthenticationFilter.class)
        .addFilterBefore(new EngineIdentity(identity::getObject), AuthorizationFilter.class)
        .addFilterBefore(new SameOriginOnly(), CsrfFilter.class)
        .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(changeByWebappSession()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(notLoggedIn()).accessDeniedHandler(refused()))
        // Spring keeps nothing in the session: the webapps' session is read on every request
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            // over HTTPS, as the webapps send it
            .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(hstsMaxAge).includeSubDomains(false))
            // case data about children is never kept in a browser's or proxy's cache
            .cacheControl(cache -> cache.disable())
            .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store")));
    return http.build();
  }

  /**
   * HTTP basic against the engine's users (Camunda's password check, with its login throttling). A
   * bean, so that Spring Boot makes no default user of its own.
   */
  @Bean
  public AuthenticationProvider camundaPasswords(ObjectProvider<IdentityService> identities) {
    return new AuthenticationProvider() {
      @Override
      public org.springframework.security.core.Authentication authenticate(
          org.springframework.security.core.Authentication attempt) {
        IdentityService identity = identities.getObject();
        String userId = attempt.getName();
        Object password = attempt.getCredentials();
        if (userId == null || userId.isEmpty() || !(password instanceof String secret)
            || !identity.checkPassword(userId, secret)) {
          throw new BadCredentialsException("Gebruikersnaam of wachtwoord klopt niet");
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS).stream()
            .map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
            .listPage(0, MAX_GROUPS).stream().map(Tenant::getId).toList();
        return new CamundaUser(userId, groups, tenants);
      }

      @Override
      public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
      }
    };
  }

  /** A change that only a webapp session would authenticate (no HTTP basic): it needs the CSRF token. */
  static RequestMatcher changeByWebappSession() {
    return request -> !SAFE_METHODS.contains(request.getMethod()) && !sendsBasic(request)
        && WebappSessions.login(request).isPresent();
  }

  static boolean sendsBasic(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  static AuthenticationEntryPoint notLoggedIn() {
    return (request, response, failure) -> {
      // a page's own script handles the login; other clients are told to use basic authentication
      if (request.getHeader("X-Requested-With") == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      }
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, ApiErrors.messageFor(401));
    };
  }

  static AccessDeniedHandler refused() {
    return (request, response, denied) -> ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN,
        denied instanceof CsrfException
            ? "Het verzoek mist het geldige CSRF-token van je sessie (X-CSRF-TOKEN); laad de pagina opnieuw"
            : METRICS.equals(request.getRequestURI()) ? "Alleen de beheerder ziet dit" : ApiErrors.messageFor(403));
  }
}
