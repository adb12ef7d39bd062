package nl.blijvendveilig.formdata;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every problem of one submission, so the worker sees them all at once. */
public class FieldErrors {

  private final Map<String, String> errors = new LinkedHashMap<>();

  public void reject(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new RejectedInput(errors);
    }
  }
}
