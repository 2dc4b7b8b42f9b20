package dev.pbimcp.powerbi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops calling Power BI for a while after it failed again and again (8 outages in a row: 5xx,
 * timeouts, resets, refusals, broken answers; {@link PowerBiException.Kind#outage}), so users get
 * an immediate answer instead of a pile of timeouts and Power BI gets room to recover. After the
 * pause one trial call goes through: success closes the circuit, failure opens it again. Failures
 * that are about the request (a 404, bad DAX) count as Power BI answering.
 */
@ApplicationScoped
public class CircuitBreakerGuard {
  static final int THRESHOLD = 8;

  private final long openNanos;
  private int consecutiveFailures;
  private long openUntil;
  private boolean trialRunning;

  @Inject
  public CircuitBreakerGuard(
      @ConfigProperty(name = "pbimcp.powerbi.circuit-open-seconds", defaultValue = "10")
          int openSeconds) {
    this.openNanos = Math.max(1, openSeconds) * 1_000_000_000L;
  }

  /** For CDI's proxy. */
  protected CircuitBreakerGuard() {
    this(10);
  }

  /** Thrown instead of calling while the circuit is open. */
  public static final class OpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryInSeconds;

    OpenException(long retryInSeconds) {
      super("circuit open", null, false, false);
      this.retryInSeconds = retryInSeconds;
    }

    /** When the next trial call may go through (at least 1 s). */
    public long retryInSeconds() {
      return retryInSeconds;
    }
  }

  public <T> T call(Supplier<T> op) {
    boolean trial = admit();
    try {
      T result = op.get();
      succeeded();
      return result;
    } catch (PowerBiException e) {
      if (e.kind().outage()) {
        failed();
      } else if (e.kind() != PowerBiException.Kind.CANCELLED) {
        succeeded(); // Power BI answered; the request was the problem
      }
      throw e;
    } finally {
      if (trial) {
        synchronized (this) {
          trialRunning = false;
        }
      }
    }
  }

  private synchronized boolean admit() {
    if (consecutiveFailures < THRESHOLD) {
      return false;
    }
    long now = System.nanoTime();
    if (now < openUntil || trialRunning) {
      throw new OpenException(Math.max(1, (openUntil - now + 999_999_999L) / 1_000_000_000L));
    }
    trialRunning = true;
    return true;
  }

  /** 0 closed, 1 open (calls fail at once), 2 half-open (the pause is over; a trial may go). */
  public synchronized int state() {
    if (consecutiveFailures < THRESHOLD) {
      return 0;
    }
    return System.nanoTime() < openUntil ? 1 : 2;
  }

  private synchronized void succeeded() {
    consecutiveFailures = 0;
  }

  private synchronized void failed() {
    consecutiveFailures++;
    if (consecutiveFailures >= THRESHOLD) {
      openUntil = System.nanoTime() + openNanos;
    }
  }
}
