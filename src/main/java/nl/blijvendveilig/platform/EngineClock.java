package nl.blijvendveilig.platform;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: the time the engine uses for due dates and timers, which a process test moves
 * ({@code ClockUtil.setCurrentTime}). The project asks it here, so that "now" in its own rules and
 * records is the engine's now.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  public static Instant instant() {
    return now().toInstant();
  }
}
