package nl.blijvendveilig.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * The current request is known to the engine on every path, before any login is checked: the login
 * throttle ({@link LoginThrottle#currentSource}) counts failures per client address. Spring Boot's
 * Jersey set-up registers this filter for {@code /engine-rest} only, and then Spring MVC registers none,
 * so the project's endpoints and the webapps would all count as one source.
 */
@Configuration
public class RequestContextEverywhere {

  @Bean
  public FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
    OrderedRequestContextFilter filter = new OrderedRequestContextFilter();
    FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/*");
    registration.setOrder(filter.getOrder());
    return registration;
  }
}
