package nl.blijvendveilig.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing without ever locking an account: every password check, whatever the
 * channel (the webapps' login, HTTP basic on {@code /engine-rest}, {@code /api}, the pages, the
 * metrics), asks {@link #admit} first and reports its outcome to {@link #record}.
 * <ul>
 * <li>Per source: a source (a client address; IPv6 by its /64 network, which one machine usually
 * has whole) that failed {@code per-source.max-failures} times within {@code per-source.window} is
 * refused without its password being checked, until its oldest failure leaves the window.
 * An attempt counts as a failure until it succeeds, so parallel attempts cannot overshoot the limit,
 * and a success does not wipe earlier failures (an attacker's own account cannot reset them).</li>
 * <li>Globally: after {@code global.max-failures} failures from all sources within
 * {@code global.window}, passwords are checked one per {@code global.interval}; an attempt waits at
 * most {@code global.max-wait} for its turn, else it is refused unchecked. Guessing from many
 * addresses is slowed; nobody is shut out for good.</li>
 * </ul>
 * The right user from another source is never held back by failures of someone else's source.
 */
@Component
public class LoginThrottle {

  /** A password check without an HTTP request (inside the server): one source of its own. */
  static final String INSIDE_THE_SERVER = "intern";

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");
  private static final Duration PURGE_AT_MOST_EVERY = Duration.ofSeconds(1);

  /**
   * Whether a password may be checked now: after waiting {@code delay}; or refused, to be tried again
   * after {@code delay}.
   */
  public record Admission(boolean allowed, Duration delay) {

    static Admission allow(Duration wait) {
      return new Admission(true, wait);
    }

    static Admission refuse(Duration retryAfter) {
      return new Admission(false, retryAfter);
    }
  }

  private final LoginSettings.PerSource perSource;
  private final LoginSettings.Global global;
  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> sources = new ConcurrentHashMap<>();
  private volatile Instant lastPurge = Instant.EPOCH;

  private final ArrayDeque<Instant> globalFailures = new ArrayDeque<>();
  private Instant nextGlobalTurn = Instant.EPOCH;
  private boolean globallySlowed;

  @Autowired
  public LoginThrottle(LoginSettings settings, ObjectProvider<Clock> clock) {
    this(settings, clock.getIfUnique(Clock::systemUTC));
  }

  LoginThrottle(LoginSettings settings, Clock clock) {
    this.perSource = settings.perSource();
    this.global = settings.global();
    this.clock = clock;
  }

  /** Asks before a password is checked for a login from {@code source}. */
  public Admission admit(String source) {
    Instant now = clock.instant();
    Failures failures = failuresOf(source, now);
    if (failures != null) {
      Optional<Instant> blockedUntil = failures.reserve(now);
      if (blockedUntil.isPresent()) {
        return Admission.refuse(Duration.between(now, blockedUntil.get()));
      }
    }
    Admission turn = globalTurn(now);
    if (!turn.allowed() && failures != null) {
      failures.release();
    }
    return turn;
  }

  /** Tells the outcome of a check that {@link #admit} allowed. */
  public void record(String source, boolean passwordCorrect) {
    Failures failures = sources.get(source);
    if (passwordCorrect) {
      if (failures != null) {
        failures.release();
      }
      return;
    }
    Instant now = clock.instant();
    if (failures != null && failures.atLimit(now)) {
      LOG.warn("Login throttling: {} failed logins from {} within {}; its attempts are refused for now",
          perSource.maxFailures(), source, perSource.window());
    }
    globalFailure(now);
  }

  /**
   * A check that {@link #admit} allowed ended without a verdict (the database was gone, say): it is
   * no failed login, so it neither counts nor holds back the source.
   */
  public void abandon(String source) {
    Failures failures = sources.get(source);
    if (failures != null) {
      failures.release();
    }
  }

  /** The source of the current HTTP request: its client address as the servlet container gives it. */
  public static String currentSource() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return sourceOf(attributes.getRequest().getRemoteAddr());
    }
    return INSIDE_THE_SERVER;
  }

  /** Tells a refused client of the current HTTP request when to try again. */
  public static void tellRetryAfter(Duration delay) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        && attributes.getResponse() != null && !attributes.getResponse().isCommitted()) {
      long seconds = Math.max(1, delay.plusMillis(999).toSeconds());
      attributes.getResponse().setHeader("Retry-After", Long.toString(seconds));
    }
  }

  /** An IPv4 address as it is; an IPv6 address by its /64 network. */
  static String sourceOf(String address) {
    if (address == null || address.isBlank()) {
      return INSIDE_THE_SERVER;
    }
    if (address.indexOf(':') < 0 || !IP_LITERAL.matcher(address).matches()) {
      return address;
    }
    try {
      // a literal address: no name lookup
      InetAddress ip = InetAddress.getByName(address);
      if (ip instanceof Inet6Address) {
        byte[] bytes = ip.getAddress();
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
      }
      return ip.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private Failures failuresOf(String source, Instant now) {
    Failures failures = sources.get(source);
    if (failures != null) {
      return failures;
    }
    if (sources.size() >= perSource.maxSources()) {
      purgeIdleSources(now);
      if (sources.size() >= perSource.maxSources()) {
        // too many sources at once to follow each: the global cap still holds
        return null;
      }
    }
    return sources.computeIfAbsent(source, s -> new Failures());
  }

  private void purgeIdleSources(Instant now) {
    if (lastPurge.plus(PURGE_AT_MOST_EVERY).isAfter(now)) {
      return;
    }
    lastPurge = now;
    sources.values().removeIf(failures -> failures.idle(now));
  }

  private synchronized Admission globalTurn(Instant now) {
    expire(globalFailures, now, global.window());
    if (globalFailures.size() < global.maxFailures()) {
      if (globallySlowed) {
        globallySlowed = false;
        LOG.info("Login throttling: failed logins below {} per {} again; passwords are checked at once",
            global.maxFailures(), global.window());
      }
      return Admission.allow(Duration.ZERO);
    }
    if (!globallySlowed) {
      globallySlowed = true;
      LOG.warn("Login throttling: {} failed logins from all sources within {}; passwords are checked one per {}",
          global.maxFailures(), global.window(), global.interval());
    }
    Instant turn = nextGlobalTurn.isAfter(now) ? nextGlobalTurn : now;
    Duration wait = Duration.between(now, turn);
    if (wait.compareTo(global.maxWait()) > 0) {
      return Admission.refuse(wait);
    }
    nextGlobalTurn = turn.plus(global.interval());
    return Admission.allow(wait);
  }

  private synchronized void globalFailure(Instant now) {
    globalFailures.addLast(now);
    while (globalFailures.size() > global.maxFailures()) {
      globalFailures.removeFirst();
    }
  }

  private static void expire(ArrayDeque<Instant> times, Instant now, Duration window) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }

  /** The times of a source's failed (or still running) attempts within the window, oldest first. */
  private final class Failures {

    private final ArrayDeque<Instant> times = new ArrayDeque<>();

    /** Counts an attempt as failed until it succeeds; or, at the limit, until when the source is refused. */
    synchronized Optional<Instant> reserve(Instant now) {
      expire(times, now, perSource.window());
      if (times.size() >= perSource.maxFailures()) {
        return Optional.of(times.peekFirst().plus(perSource.window()));
      }
      times.addLast(now);
      return Optional.empty();
    }

    synchronized void release() {
      times.pollLast();
    }

    synchronized boolean atLimit(Instant now) {
      expire(times, now, perSource.window());
      return times.size() >= perSource.maxFailures();
    }

    synchronized boolean idle(Instant now) {
      expire(times, now, perSource.window());
      return times.isEmpty();
    }
  }
}
