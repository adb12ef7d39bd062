package nl.blijvendveilig.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the project's own endpoints: a status and a message a person understands, in Dutch, as
 * JSON {@code {"status": 400, "message": "..."}}; never an exception's class, message or stack trace.
 * Bad input is answered here; everything else that fails ends in {@link ErrorAnswers}.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' ontbreekt");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' heeft een ongeldige waarde"
        + (e.getRequiredType() == java.time.LocalDate.class ? " (verwacht: jjjj-mm-dd)" : ""));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "De inhoud van het verzoek is geen geldige JSON van de verwachte vorm");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Stuur de inhoud als application/json");
  }

  public static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status.value(), "message", message));
  }

  /** The same answer written by a filter, whatever the caller accepts. */
  public static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message);
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** What a status means for the person who gets it. */
  public static String messageFor(int status) {
    return switch (status) {
      case 400 -> "Het verzoek is niet geldig";
      case 401 -> "Log in om dit te zien (Tasklist of HTTP basic)";
      case 403 -> "Je hebt hier geen toegang toe";
      case 404 -> "Dit bestaat niet of je hebt er geen toegang toe";
      case 405 -> "Deze bewerking kan hier niet";
      case 406 -> "Dit is er niet in de gevraagde vorm";
      case 413 -> "Het verzoek is te groot";
      case 415 -> "Stuur de inhoud als application/json";
      case 429 -> "Te veel verzoeken; probeer het straks opnieuw";
      case 503 -> "De dienst is even niet beschikbaar; probeer het straks opnieuw";
      default -> status >= 500 ? "Er ging iets mis; probeer het later opnieuw" : "Het verzoek kan niet worden uitgevoerd";
    };
  }
}
