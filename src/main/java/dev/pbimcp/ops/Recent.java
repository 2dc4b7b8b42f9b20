package dev.pbimcp.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value worth finding out at most once a period that many requests ask for at once: the
 * connection doctor's report, the status tool's call to Power BI. One caller at a time computes it.
 * The first callers ever wait for that one run (and share its failure, if it fails); after that,
 * the caller that finds the value stale runs it again on its own thread while every other caller
 * keeps the last value. Without this, the 32 first calls of a fresh server each called Power BI (on
 * the emulator, this server itself) and held every request thread the answers needed, for 30 s; and
 * at each expiry under load, every request in flight called again. A period of zero or less
 * computes on every call.
 */
public final class Recent<T> {
  private record Stamped<T>(long at, T value) {}

  private final Supplier<T> compute;
  private final long periodNanos;
  private final LongSupplier clock;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final Object firstRun = new Object();
  private volatile Stamped<T> last;

  /** First runs that failed, and the last one's error: written under {@code firstRun}. */
  private volatile int firstFailures;

  private RuntimeException firstFailure;

  public Recent(Duration period, Supplier<T> compute) {
    this(period, compute, System::nanoTime);
  }

  Recent(Duration period, Supplier<T> compute, LongSupplier clock) {
    this.periodNanos = Math.max(0, period.toNanos());
    this.compute = compute;
    this.clock = clock;
  }

  /** The value: the last one while fresh (or while another caller renews it), else a new one. */
  public T get() {
    if (periodNanos == 0) {
      return compute.get();
    }
    Stamped<T> s = last;
    if (s == null) {
      int failedBefore = firstFailures;
      synchronized (firstRun) {
        s = last;
        if (s != null) {
          return s.value();
        }
        if (firstFailures != failedBefore) {
          // The run this caller waited for failed: its answer, not another run of the same
          // length for each caller queued behind it (32 callers, 32 timeouts in a row).
          throw firstFailure;
        }
        try {
          return renew();
        } catch (RuntimeException e) {
          firstFailure = e;
          firstFailures++;
          throw e;
        }
      }
    }
    if (clock.getAsLong() - s.at() < periodNanos || !refreshing.compareAndSet(false, true)) {
      return s.value();
    }
    try {
      return renew();
    } finally {
      refreshing.set(false);
    }
  }

  /** Computes now; a failure keeps the last value for the others and lets the next caller retry. */
  private T renew() {
    T value = compute.get();
    last = new Stamped<>(clock.getAsLong(), value);
    return value;
  }
}
