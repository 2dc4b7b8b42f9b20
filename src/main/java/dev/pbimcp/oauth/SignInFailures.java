package dev.pbimcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in failures the OAuth façade saw lately (Entra's refusals at the callback and at the
 * token endpoint), for the connection doctor: how many in the last hour and Entra's error codes
 * ({@code AADSTS7000215}, {@code invalid_client}). Only those are kept: never a code, a token, a
 * state or Entra's full sentence.
 */
@ApplicationScoped
public class SignInFailures {
  private static final Duration WINDOW = Duration.ofHours(1);
  private static final int MOST = 1000;
  private static final Pattern AADSTS = Pattern.compile("AADSTS\\d{4,7}");

  /** Failures of the last hour: how many and which codes. */
  public record Summary(int count, Set<String> codes) {}

  private record Failure(Instant at, String code) {}

  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Clock clock;

  public SignInFailures() {
    this(Clock.systemUTC());
  }

  SignInFailures(Clock clock) {
    this.clock = clock;
  }

  /** Records Entra's refusal by its code: the AADSTS number in the description, else the error. */
  public synchronized void record(String error, String description) {
    Matcher m = AADSTS.matcher(description == null ? "" : description);
    String code = m.find() ? m.group() : error == null || error.isBlank() ? "unknown" : error;
    failures.addLast(new Failure(clock.instant(), code.length() > 40 ? "unknown" : code));
    while (failures.size() > MOST) {
      failures.removeFirst();
    }
  }

  public synchronized Summary summary() {
    Instant since = clock.instant().minus(WINDOW);
    while (!failures.isEmpty() && failures.peekFirst().at().isBefore(since)) {
      failures.removeFirst();
    }
    Set<String> codes = new TreeSet<>();
    failures.forEach(f -> codes.add(f.code()));
    return new Summary(failures.size(), codes);
  }
}
