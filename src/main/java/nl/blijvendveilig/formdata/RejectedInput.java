package nl.blijvendveilig.formdata;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a worker or a REST client sent is refused: nothing is started, nothing completed. The engine
 * REST API and Tasklist answer it with 400; the message names every field that is wrong, in Dutch.
 */
public class RejectedInput extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors;

  public RejectedInput(Map<String, String> errors) {
    super(Map.copyOf(errors), message(errors));
    this.errors = Map.copyOf(errors);
  }

  /** Field path (e.g. {@code kinderen[2].bsn}) to the Dutch explanation. */
  public Map<String, String> errors() {
    return errors;
  }

  private static String message(Map<String, String> errors) {
    return "Ongeldige invoer: " + errors.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
