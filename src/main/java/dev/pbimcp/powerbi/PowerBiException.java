package dev.pbimcp.powerbi;

import java.util.Optional;

/**
 * Power BI refused or failed a call. The message says what the user can do about it; the fields
 * keep what Power BI said, for logs and for decisions such as retrying.
 */
public class PowerBiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, as far as the caller's next step is concerned. */
  public enum Kind {
    NOT_FOUND,
    UNAUTHORIZED,
    FORBIDDEN,
    BAD_QUERY,
    BAD_REQUEST,
    THROTTLED,
    UNAVAILABLE,
    TIMEOUT,
    MALFORMED,
    NOT_ALLOWED,
    /** The caller cancelled the call (its request ended): nobody's fault, nothing to retry. */
    CANCELLED;

    /**
     * The one rule for "Power BI itself failed" (a 5xx, no connection, a reset, a timeout, an
     * answer that is not what it documents), as opposed to a problem with the request: only these
     * are retried and count toward opening the circuit breaker.
     */
    public boolean outage() {
      return this == UNAVAILABLE || this == TIMEOUT || this == MALFORMED;
    }
  }

  private final Kind kind;
  private final int status;
  private final String code;
  private final String requestId;
  private final Integer retryAfterSeconds;

  public PowerBiException(
      Kind kind,
      String message,
      int status,
      String code,
      String requestId,
      Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public PowerBiException(Kind kind, String message) {
    this(kind, message, 0, null, null, null);
  }

  /**
   * A call interrupted because its request ended (cancelled, timed out): one answer for every place
   * that waits, and never an outage, so the circuit breaker does not count it.
   */
  public static PowerBiException cancelled() {
    return new PowerBiException(Kind.CANCELLED, "The call was cancelled.");
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Optional<Integer> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }
}
