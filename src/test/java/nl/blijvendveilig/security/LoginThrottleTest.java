package nl.blijvendveilig.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.blijvendveilig.support.MovableClock;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: no waiting, no wall-clock timing. */
class LoginThrottleTest {

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle = new LoginThrottle(new LoginSettings(
      new LoginSettings.PerSource(3, Duration.ofMinutes(15), 1000),
      new LoginSettings.Global(5, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(3))), clock);

  @Test
  void aSourceIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    fail("198.51.100.7", 1);
    clock.advance(Duration.ofMinutes(5));
    fail("198.51.100.7", 1);
    clock.advance(Duration.ofMinutes(5));
    fail("198.51.100.7", 1);
    LoginThrottle.Admission refused = throttle.admit("198.51.100.7");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.delay()).as("until the first failure is 15 minutes old").isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.admit("203.0.113.9").allowed()).as("another source").isTrue();

    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.admit("198.51.100.7").allowed()).isTrue();
    throttle.record("198.51.100.7", false);
    assertThat(throttle.admit("198.51.100.7").allowed()).as("one more failure: refused again").isFalse();
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.admit("198.51.100.7").allowed()).isTrue();
  }

  @Test
  void aSuccessDoesNotWipeEarlierFailuresAndOnlyFailuresCount() {
    fail("198.51.100.7", 2);
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.admit("198.51.100.7").allowed()).isTrue();
      throttle.record("198.51.100.7", true);
    }
    fail("198.51.100.7", 1);
    assertThat(throttle.admit("198.51.100.7").allowed()).isFalse();
  }

  @Test
  void attemptsStillRunningCountSoParallelGuessesCannotOvershoot() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.admit("198.51.100.7").allowed()).isTrue();
    }
    assertThat(throttle.admit("198.51.100.7").allowed()).isFalse();
  }

  @Test
  void overTheGlobalCapPasswordsAreCheckedOnePerIntervalAndAttemptsWaitAtMostMaxWait() {
    for (int source = 1; source <= 5; source++) {
      fail("192.0.2." + source, 1);
    }
    assertThat(throttle.admit("203.0.113.1")).isEqualTo(new LoginThrottle.Admission(true, Duration.ZERO));
    assertThat(throttle.admit("203.0.113.2")).isEqualTo(new LoginThrottle.Admission(true, Duration.ofSeconds(2)));
    assertThat(throttle.admit("203.0.113.3")).as("its turn is 4 s away, more than max-wait")
        .isEqualTo(new LoginThrottle.Admission(false, Duration.ofSeconds(4)));
    throttle.record("203.0.113.1", true);
    throttle.record("203.0.113.2", true);

    clock.advance(Duration.ofSeconds(4));
    assertThat(throttle.admit("203.0.113.3").allowed()).isTrue();
    throttle.record("203.0.113.3", true);

    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.admit("203.0.113.4")).as("the failures left the window")
        .isEqualTo(new LoginThrottle.Admission(true, Duration.ZERO));
    assertThat(throttle.admit("203.0.113.5")).isEqualTo(new LoginThrottle.Admission(true, Duration.ZERO));
  }

  @Test
  void aRefusedAttemptCostsTheSourceNothing() {
    for (int source = 1; source <= 5; source++) {
      fail("192.0.2." + source, 1);
    }
    throttle.admit("203.0.113.1");
    throttle.admit("203.0.113.1");
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.admit("198.51.100.7").allowed()).isFalse();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.admit("198.51.100.7").allowed()).as("no failures were counted for it").isTrue();
  }

  @Test
  void ipv6AddressesCountPerSlash64AndIpv4PerAddress() {
    assertThat(LoginThrottle.sourceOf("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.sourceOf("2001:db8:1:2:bbbb::7"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.sourceOf("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.sourceOf("2001:db8:1:2::1"));
    assertThat(LoginThrottle.sourceOf("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(LoginThrottle.sourceOf(null)).isEqualTo(LoginThrottle.INSIDE_THE_SERVER);
    assertThat(LoginThrottle.sourceOf("not:an-address.example")).isEqualTo("not:an-address.example");
  }

  @Test
  void settingsThatWouldSwitchThrottlingOffAreRefusedAtStart() {
    assertThatThrownBy(() -> new LoginSettings.PerSource(0, Duration.ofMinutes(15), 1000))
        .hasMessageContaining("per-source.max-failures");
    assertThatThrownBy(() -> new LoginSettings.Global(60, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
        .hasMessageContaining("global.window");
  }

  private void fail(String source, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.admit(source).allowed()).isTrue();
      throttle.record(source, false);
    }
  }
}
