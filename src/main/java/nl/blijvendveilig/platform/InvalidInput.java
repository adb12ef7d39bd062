package nl.blijvendveilig.platform;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input the engine refuses, field by field: an engine exception Camunda's REST API and Tasklist already
 * answer with 400 (a form field validation), and {@link EngineRestErrors} on the channels where Camunda
 * would answer 500. The project's {@code formdata.RejectedInput} is one.
 */
public abstract class InvalidInput extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors;

  protected InvalidInput(Map<String, String> errors, String message) {
    super(Map.copyOf(errors), message);
    this.errors = Map.copyOf(errors);
  }

  /** Field path (e.g. {@code kinderen[2].bsn}) to the Dutch explanation. */
  public Map<String, String> errors() {
    return errors;
  }
}
