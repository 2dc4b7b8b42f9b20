package dev.pbimcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The same call made by {@code callers} threads released together. */
public final class AtOnce {
  private AtOnce() {}

  /** Each caller's answer in order; the first failure is thrown. */
  public static <T> List<T> answers(int callers, Callable<T> call) throws Exception {
    List<T> answers = new ArrayList<>();
    for (Future<T> f : futures(callers, call)) {
      answers.add(f.get(30, TimeUnit.SECONDS));
    }
    return answers;
  }

  /** Each caller's future, in order, all ended (a call still running after 30 s is cancelled). */
  public static <T> List<Future<T>> futures(int callers, Callable<T> call)
      throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    return futures;
  }

  /**
   * Waits at most 10 s for {@code latch}, also inside a lambda, where a checked exception cannot
   * go.
   */
  public static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("a latch was not released within 10 s");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Until every one of {@code threads} but the calling thread is in {@code state} (waiting on a
   * lock or a condition): then the callers are known to be behind the run under way. Fails after 10
   * s.
   */
  public static void untilAll(Collection<Thread> threads, Thread.State state) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (threads.stream().anyMatch(t -> t != Thread.currentThread() && t.getState() != state)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the other callers were not " + state + " within 10 s");
      }
      Thread.onSpinWait();
    }
  }
}
