package nl.blijvendveilig.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin set-up ({@code /camunda/api/admin/setup}) of Camunda 7.24.0 creates an administrator while
 * the {@code camunda-admin} group has no direct member, a hole Camunda fixes only in enterprise
 * releases: it is closed (403); the beheerder account comes from {@code camunda.bpm.admin-user} in every
 * profile. (Expressions in queries, the other such hole, are refused inside the engine:
 * {@link QueryExpressionGuard}.)
 */
@Configuration
public class KnownHolesGuard {

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> knownHolesFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
    registration.setName("known-holes-guard");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"Refused\",\"message\":\"Een beheerder aanmaken via de set-up is "
          + "uitgeschakeld; de beheerder komt uit de configuratie.\"}");
    }
  }
}
