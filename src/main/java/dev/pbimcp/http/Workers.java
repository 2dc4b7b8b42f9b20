package dev.pbimcp.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
