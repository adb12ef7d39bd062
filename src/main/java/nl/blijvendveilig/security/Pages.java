package nl.blijvendveilig.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The project's own pages (the case page, the dashboard): a fixed HTML shell whose script fetches the
 * data from {@code /api}, served with the status the caller's access earns (401, 403, 404 or 200), so
 * that the page itself tells no more than the API would. Strict headers: nothing from elsewhere runs,
 * nothing frames it ({@link ApiAuthentication} forbids caching).
 */
public final class Pages {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  private Pages() {
  }

  public static ResponseEntity<String> page(String name, HttpStatus status) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .body(html(name));
  }

  private static String html(String name) {
    try (InputStream in = new ClassPathResource("pages/" + name + ".html").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("No page " + name, e);
    }
  }
}
