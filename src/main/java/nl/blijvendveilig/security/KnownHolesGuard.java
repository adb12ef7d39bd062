package nl.blijvendveilig.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the two holes of Camunda 7.24.0 that Camunda fixes only in enterprise releases:
 * <ul>
 *   <li>expressions in the {@code orQueries} of a task query run code for any logged-in user: such a
 *       request (a task query, a filter, a filter's extending query) is refused with 400, on
 *       {@code /engine-rest} and on the webapps' own REST ({@code /camunda/api/engine});</li>
 *   <li>the admin set-up ({@code /camunda/api/admin/setup}) creates an administrator while the
 *       {@code camunda-admin} group has no direct member: it is closed (403); the beheerder account
 *       comes from {@code camunda.bpm.admin-user} in every profile.</li>
 * </ul>
 */
@Configuration
public class KnownHolesGuard {

  static final int MAX_INSPECTED_BODY = 5 * 1024 * 1024;

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> knownHolesFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
    registration.setName("known-holes-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/camunda/api/admin/setup")) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN,
            "Een beheerder aanmaken via de set-up is uitgeschakeld; de beheerder komt uit de configuratie.");
        return;
      }
      boolean queryRequest = (path.contains("/task") || path.contains("/filter"))
          && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
      if (!queryRequest) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
      if (body.length > MAX_INSPECTED_BODY) {
        refuse(response, 413, "Het verzoek is te groot");
        return;
      }
      if (new String(body, StandardCharsets.UTF_8).contains("orQueries") && hasExpressionInOrQueries(body)) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST,
            "Expressies in orQueries zijn niet toegestaan");
        return;
      }
      chain.doFilter(new Replayed(request, body), response);
    }

    static boolean hasExpressionInOrQueries(byte[] body) {
      try {
        return scan(JSON.readTree(body), false);
      } catch (IOException notJson) {
        return false; // Camunda answers malformed JSON itself
      }
    }

    private static boolean scan(JsonNode node, boolean insideOrQueries) {
      if (node.isObject()) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
          String name = names.next();
          if (insideOrQueries && name.toLowerCase().endsWith("expression")) {
            return true;
          }
          if (scan(node.get(name), insideOrQueries || "orQueries".equals(name))) {
            return true;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          if (scan(item, insideOrQueries)) {
            return true;
          }
        }
      } else if (node.isTextual() && node.asText().startsWith("{") && node.asText().contains("orQueries")) {
        // a filter's query may arrive as a JSON string
        try {
          return scan(JSON.readTree(node.asText()), insideOrQueries);
        } catch (IOException notJson) {
          return false;
        }
      }
      return false;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(JSON.createObjectNode().put("type", "Refused").put("message", message).toString());
    }
  }

  /** The request with its body read once for inspection and offered again to Camunda. */
  static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
