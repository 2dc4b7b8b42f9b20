package dev.pbimcp.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.AtOnce;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void theFirstCallersAtOnceShareOneRun() throws Exception {
    int callers = 16;
    CountDownLatch asked = new CountDownLatch(callers);
    Recent<Integer> recent =
        new Recent<>(
            Duration.ofSeconds(60),
            () -> {
              AtOnce.await(asked); // every caller has asked before the one run ends
              return runs.incrementAndGet();
            },
            now::get);
    List<Future<Integer>> answers =
        AtOnce.futures(
            callers,
            () -> {
              asked.countDown();
              return recent.get();
            });
    for (Future<Integer> a : answers) {
      assertEquals(1, a.get(10, TimeUnit.SECONDS));
    }
    assertEquals(1, runs.get());
  }

  /** Callers queued behind a first run that fails get its failure; a later caller tries again. */
  @Test
  void theFirstCallersShareTheFailureOfTheRunTheyWaitedFor() throws Exception {
    int callers = 8;
    CountDownLatch asked = new CountDownLatch(callers);
    java.util.Set<Thread> callersThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Recent<Integer> recent =
        new Recent<>(
            Duration.ofSeconds(60),
            () -> {
              if (runs.incrementAndGet() == 1) {
                AtOnce.await(asked);
                AtOnce.untilAll(
                    callersThreads, Thread.State.BLOCKED); // every other caller waits for this run
                throw new IllegalStateException("Power BI did not answer");
              }
              return runs.get();
            },
            now::get);
    List<Future<Integer>> answers =
        AtOnce.futures(
            callers,
            () -> {
              callersThreads.add(Thread.currentThread());
              asked.countDown();
              return recent.get();
            });
    for (Future<Integer> a : answers) {
      var e =
          assertThrows(
              java.util.concurrent.ExecutionException.class, () -> a.get(10, TimeUnit.SECONDS));
      assertEquals("Power BI did not answer", e.getCause().getMessage());
    }
    assertEquals(1, runs.get(), "one run for all who waited");
    assertEquals(2, recent.get(), "a caller that comes later runs it again");
  }

  @Test
  void whileOneCallerRenewsAStaleValueTheOthersKeepTheLastOne() throws Exception {
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recent<Integer> recent =
        secondRun(
            () -> {
              renewing.countDown();
              AtOnce.await(release);
            });
    assertEquals(1, recent.get());
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertEquals(1, recent.get(), "fresh: not run again");
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> renewer = pool.submit(recent::get);
      assertTrue(renewing.await(10, TimeUnit.SECONDS));
      assertEquals(1, recent.get(), "stale, but another caller is renewing it");
      release.countDown();
      assertEquals(2, renewer.get(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, recent.get());
    assertEquals(2, runs.get());
  }

  @Test
  void aFailedRenewalKeepsTheLastValueAndTheNextCallerTriesAgain() {
    Recent<Integer> recent =
        secondRun(
            () -> {
              throw new IllegalStateException("Power BI did not answer");
            });
    assertEquals(1, recent.get());
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThrows(IllegalStateException.class, recent::get);
    assertEquals(3, recent.get());
  }

  @Test
  void aPeriodOfZeroComputesEveryTime() {
    Recent<Integer> recent = new Recent<>(Duration.ZERO, runs::incrementAndGet, now::get);
    assertEquals(1, recent.get());
    assertEquals(2, recent.get());
  }

  /** Counts its runs (the value is the run's number); the second run does {@code then} first. */
  private Recent<Integer> secondRun(Runnable then) {
    return new Recent<>(
        Duration.ofSeconds(60),
        () -> {
          int run = runs.incrementAndGet();
          if (run == 2) {
            then.run();
          }
          return run;
        },
        now::get);
  }
}
