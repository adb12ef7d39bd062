package nl.blijvendveilig.phases;

import org.springframework.beans.factory.annotation.Value;
import nl.blijvendveilig.platform.ForModels;
import org.springframework.stereotype.Component;

/**
 * When a safety score means acute unsafety: at or below {@code blijvendveilig.safety.acute-threshold}.
 * Used in the models as {@code ${safety.isAcute(veiligheidsscore)}}.
 */
@ForModels
@Component("safety")
public class SafetyThreshold {

  private final int acuteThreshold;

  public SafetyThreshold(@Value("${blijvendveilig.safety.acute-threshold:3}") int acuteThreshold) {
    this.acuteThreshold = acuteThreshold;
  }

  public boolean isAcute(Object score) {
    if (score == null) {
      return false;
    }
    int value = score instanceof Number n ? n.intValue() : Integer.parseInt(score.toString().strip());
    return value <= acuteThreshold;
  }
}
