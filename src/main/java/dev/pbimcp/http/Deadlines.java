package dev.pbimcp.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The requests' deadlines, looked over four times a second by one thread. A timer task per request
 * (scheduled, then cancelled when the answer came in time, as nearly every one does) made each
 * request take the timer's lock twice; here a request adds itself to a set and leaves it.
 */
final class Deadlines {
  private static final Logger LOG = Logger.getLogger(Deadlines.class.getName());
  private static final long SCAN_MILLIS = 250;

  private final Set<Deadline> running = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor scanner;

  /** One request's deadline: what to do when it passes, unless cancelled first. */
  final class Deadline {
    private final long due;
    private final Runnable expired;

    private Deadline(long due, Runnable expired) {
      this.due = due;
      this.expired = expired;
    }

    /** The work ended in time: nothing will happen at the deadline. */
    void cancel() {
      running.remove(this);
    }
  }

  Deadlines(ThreadFactory threads) {
    scanner = new ScheduledThreadPoolExecutor(1, threads);
    scanner.scheduleWithFixedDelay(this::scan, SCAN_MILLIS, SCAN_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code expired} once, at most a quarter second late, unless cancelled before. */
  Deadline after(int seconds, Runnable expired) {
    Deadline d = new Deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds), expired);
    running.add(d);
    return d;
  }

  private void scan() {
    long now = System.nanoTime();
    for (Deadline d : running) {
      if (now - d.due >= 0 && running.remove(d)) {
        try {
          d.expired.run();
        } catch (RuntimeException | Error e) {
          // Thrown out of a periodic task, it would end every later scan: no request would time
          // out.
          LOG.log(Level.WARNING, "A request's timeout could not be delivered", e);
        }
      }
    }
  }

  void stop() {
    scanner.shutdownNow();
  }
}
