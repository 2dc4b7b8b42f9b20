package dev.pbimcp.http;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.mcp.Exchange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads for requests that outlive their HTTP thread: a request's work runs here so that its
 * answer can still become a stream; SSE writers run here so that they never block the work.
 */
@ApplicationScoped
public class Workers {
  private final ExecutorService pool = Executors.newCachedThreadPool(named("pbimcp-worker"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(named("pbimcp-timer"));

  public ExecutorService pool() {
    return pool;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  /**
   * Runs a request's work on a worker and delivers its answer through {@code channel}; after {@code
   * timeoutSeconds} the work is cancelled and the client told so.
   */
  void run(
      Exchange exchange,
      ResponseChannel channel,
      JsonValue id,
      Caller caller,
      int timeoutSeconds,
      Supplier<JsonObject> work) {
    var timeout =
        timer.schedule(
            () -> {
              if (!channel.done()) {
                exchange.cancel();
                channel.complete(RequestTimeout.error(id, timeoutSeconds));
              }
            },
            timeoutSeconds,
            TimeUnit.SECONDS);
    pool.execute(
        () -> {
          exchange.runningOn(Thread.currentThread());
          try {
            channel.complete(CallerContext.as(caller, work::get));
          } finally {
            exchange.runningOn(null);
            Thread.interrupted();
            timeout.cancel(false);
          }
        });
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
