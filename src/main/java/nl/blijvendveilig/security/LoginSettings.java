package nl.blijvendveilig.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How password guessing is slowed down, from {@code blijvendveilig.login.*}: per source (the
 * client's address) and for all sources together. There is no limit per account, so nobody can lock
 * out another user by typing wrong passwords for them.
 */
@ConfigurationProperties("blijvendveilig.login")
public record LoginSettings(@DefaultValue PerSource perSource, @DefaultValue Global global) {

  /**
   * After {@code maxFailures} failed logins from one source within {@code window}, further attempts
   * from that source are refused, unchecked, until the oldest of those failures is older than the
   * window. At most {@code maxSources} sources are remembered at once.
   */
  public record PerSource(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window,
      @DefaultValue("100000") int maxSources) {

    public PerSource {
      requirePositive("per-source.max-failures", maxFailures);
      requirePositive("per-source.window", window);
      requirePositive("per-source.max-sources", maxSources);
    }
  }

  /**
   * After {@code maxFailures} failed logins from all sources together within {@code window},
   * passwords are checked one per {@code interval} until the failures fall below the cap; an attempt
   * waits at most {@code maxWait} for its turn and is refused, unchecked, when its turn is later.
   */
  public record Global(@DefaultValue("60") int maxFailures, @DefaultValue("1m") Duration window,
      @DefaultValue("1s") Duration interval, @DefaultValue("5s") Duration maxWait) {

    public Global {
      requirePositive("global.max-failures", maxFailures);
      requirePositive("global.window", window);
      requirePositive("global.interval", interval);
      if (maxWait == null || maxWait.isNegative()) {
        throw new IllegalArgumentException("blijvendveilig.login.global.max-wait must be zero or more");
      }
    }
  }

  private static void requirePositive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("blijvendveilig.login." + key + " must be 1 or more, not " + value);
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("blijvendveilig.login." + key + " must be a positive duration");
    }
  }
}
