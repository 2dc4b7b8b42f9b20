package dev.pbimcp.powerbi;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.telemetry.RequestId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls to Power BI that one request makes at once, each as the request's caller and under its id.
 * executeQueries takes one query per call, so a model's schema is six INFO queries and then two
 * that depend on them: one after another, eight round trips. The first call runs on the requesting
 * thread, the others on threads of their own (at most {@link #MOST_THREADS} across the server; past
 * that a call runs on the requesting thread, as it did before, never waiting for a thread).
 */
@ApplicationScoped
public class ParallelCalls {
  static final int MOST_THREADS = 16;

  @Resource private ManagedThreadFactory threads;

  private ThreadPoolExecutor pool;

  /** For CDI, which supplies Liberty's thread factory (the application's context on it). */
  public ParallelCalls() {}

  /** On threads of {@code factory}, for a test. */
  ParallelCalls(ThreadFactory factory) {
    pool = pool(factory);
  }

  @PostConstruct
  void start() {
    pool = pool(threads);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  private static ThreadPoolExecutor pool(ThreadFactory factory) {
    return new ThreadPoolExecutor(
        0,
        MOST_THREADS,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        factory,
        // Every thread busy, or stopping: the caller runs the call itself, so none is ever left
        // unrun (the JDK's CallerRunsPolicy drops it once the pool is shut down).
        (call, full) -> call.run());
  }

  /** One call's answer, or what it threw. */
  public record Outcome<T>(T value, RuntimeException error) {
    /** The answer, or the call's exception thrown here. */
    public T get() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /**
   * Runs the calls at once and returns each one's outcome, in their order, when all have ended.
   * Interrupting the caller (a cancelled request) interrupts the calls still running.
   */
  public <T> List<Outcome<T>> all(List<Supplier<T>> calls) {
    Caller caller = CallerContext.current().orElse(null);
    List<FutureTask<T>> tasks = new ArrayList<>();
    for (Supplier<T> call : calls) {
      tasks.add(new FutureTask<>(() -> CallerContext.as(caller, call)));
    }
    for (int i = 1; i < tasks.size(); i++) {
      pool.execute(RequestId.carried(tasks.get(i)));
    }
    if (!tasks.isEmpty()) {
      tasks.get(0).run();
    }
    List<Outcome<T>> outcomes = new ArrayList<>();
    try {
      for (FutureTask<T> task : tasks) {
        outcomes.add(outcome(task));
      }
    } catch (InterruptedException e) {
      tasks.forEach(t -> t.cancel(true));
      Thread.currentThread().interrupt();
      throw PowerBiException.cancelled();
    }
    return outcomes;
  }

  private static <T> Outcome<T> outcome(FutureTask<T> task) throws InterruptedException {
    try {
      return new Outcome<>(task.get(), null);
    } catch (CancellationException e) {
      return new Outcome<>(null, PowerBiException.cancelled());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        return new Outcome<>(null, r);
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
