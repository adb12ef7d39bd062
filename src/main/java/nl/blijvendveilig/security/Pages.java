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
 * that the page itself tells no more than the API would. The headers (nothing from elsewhere runs,
 * nothing frames or caches it) are {@link ApiAuthentication}'s, as for every answer with case data.
 */
public final class Pages {

  private Pages() {
  }

  public static ResponseEntity<String> page(String name, HttpStatus status) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
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
