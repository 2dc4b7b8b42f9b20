package dev.pbimcp.telemetry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of the HTTP request being served, for log lines and the errors a client sees: the caller's
 * {@code X-Request-Id} when it is a plain token, else one made here. Held per thread; work handed
 * to another thread carries it ({@link #carried}).
 */
public final class RequestId {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestId() {}

  /** The id of the request this thread serves, or null outside one. */
  public static String current() {
    return CURRENT.get();
  }

  /** The caller's id if it is a plain token of at most 64 characters, else a new one. */
  public static String accept(String offered) {
    if (offered != null && PLAIN.matcher(offered).matches()) {
      return offered;
    }
    // Sixteen hex digits, leading zeros kept: String.format took a share of a request's time.
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  public static void set(String id) {
    if (id == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(id);
    }
  }

  /** {@code work}, run under the id of the request that hands it on. */
  public static Runnable carried(Runnable work) {
    String id = CURRENT.get();
    if (id == null) {
      return work;
    }
    return () -> {
      String before = CURRENT.get();
      CURRENT.set(id);
      try {
        work.run();
      } finally {
        set(before);
      }
    };
  }

  /** A log line's text with the request's id, when there is one. */
  public static String tag(String message) {
    String id = CURRENT.get();
    return id == null ? message : message + " [request " + id + "]";
  }
}
