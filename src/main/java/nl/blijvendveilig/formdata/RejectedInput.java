package nl.blijvendveilig.formdata;

import java.util.Map;
import java.util.stream.Collectors;
import nl.blijvendveilig.platform.InvalidInput;

/**
 * What a worker or a REST client sent is refused: nothing is started, nothing completed. The engine
 * REST API and Tasklist answer it with 400 ({@link InvalidInput}); the message names every field that
 * is wrong, in Dutch.
 */
public class RejectedInput extends InvalidInput {

  private static final long serialVersionUID = 1L;

  public RejectedInput(Map<String, String> errors) {
    super(errors, message(errors));
  }

  private static String message(Map<String, String> errors) {
    return "Ongeldige invoer: " + errors.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
