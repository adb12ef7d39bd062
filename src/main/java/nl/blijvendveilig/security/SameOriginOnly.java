package nl.blijvendveilig.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing on another site may call the project's endpoints with the worker's login: a request whose
 * {@code Origin} is not this server's (another site, or the opaque {@code null} of a sandbox) is
 * refused, whatever its method or credentials, and so is a fetch that the browser marks as coming
 * from another site. Following a link from elsewhere (a navigation) stays possible.
 */
final class SameOriginOnly extends OncePerRequestFilter {

  private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (foreign(request)) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Verzoeken van een andere website worden geweigerd");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean foreign(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    boolean fetchFromElsewhere = site != null && OTHER_SITES.contains(site)
        && !"navigate".equals(request.getHeader("Sec-Fetch-Mode"));
    try {
      return fetchFromElsewhere || CorsUtils.isCorsRequest(request);
    } catch (IllegalArgumentException unreadableOrigin) {
      return true;
    }
  }
}
