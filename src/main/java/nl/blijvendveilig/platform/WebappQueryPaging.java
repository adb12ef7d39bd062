package nl.blijvendveilig.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With Camunda's {@code queryMaxResultsLimit} on, an unbounded list query of a user is refused. The
 * webapps still ask some lists without a page or with a bigger one (Tasklist its filters and Cockpit
 * job definitions with 2000); for their own REST ({@code /camunda/api/engine}) such a GET is given the
 * limit as its page.
 */
@Configuration
public class WebappQueryPaging {

  static final String PAGE = "1000";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> webappQueryPagingFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || withinLimit(request.getParameter("maxResults"))) {
          chain.doFilter(request, response);
          return;
        }
        chain.doFilter(new Paged(request), response);
      }
    });
    registration.setName("webapp-query-paging");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  /** Tasklist asks its filters and Cockpit its job definitions with a page of 2000. */
  static boolean withinLimit(String maxResults) {
    try {
      return maxResults != null && Integer.parseInt(maxResults.strip()) <= Integer.parseInt(PAGE);
    } catch (NumberFormatException e) {
      return true; // Camunda answers a malformed number itself
    }
  }

  static final class Paged extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    Paged(HttpServletRequest request) {
      super(request);
      parameters = new LinkedHashMap<>(request.getParameterMap());
      parameters.putIfAbsent("firstResult", new String[] {"0"});
      parameters.put("maxResults", new String[] {PAGE});
    }

    @Override
    public String getQueryString() {
      String original = super.getQueryString() == null ? "" : super.getQueryString().replaceAll("(^|&)maxResults=[^&]*", "");
      original = original.startsWith("&") ? original.substring(1) : original;
      String firstResult = getRequest().getParameter("firstResult") == null ? "firstResult=0&" : "";
      return (original.isEmpty() ? "" : original + "&") + firstResult + "maxResults=" + PAGE;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
