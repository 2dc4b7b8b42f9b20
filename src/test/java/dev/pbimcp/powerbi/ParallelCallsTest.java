package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.telemetry.RequestId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {
  private final ParallelCalls parallel = new ParallelCalls(Executors.defaultThreadFactory());

  @AfterEach
  void stop() {
    parallel.stop();
    RequestId.set(null);
  }

  /** Each call waits for the other two: one after another, the first would wait in vain. */
  @Test
  void theCallsRunAtOnceAndTheirAnswersKeepTheirOrder() {
    CyclicBarrier all = new CyclicBarrier(3);
    List<ParallelCalls.Outcome<String>> outcomes =
        parallel.all(List.of(meet(all, "tables"), meet(all, "columns"), meet(all, "measures")));
    assertEquals(
        List.of("tables", "columns", "measures"),
        outcomes.stream().map(ParallelCalls.Outcome::get).toList());
  }

  @Test
  void everyCallRunsAsTheRequestsCallerUnderItsId() {
    Caller alice = new Caller("alice-oid", "Alice", "assertion", "tenant", Set.of());
    RequestId.set("0123456789abcdef");
    Supplier<String> who =
        () ->
            CallerContext.current().map(Caller::subject).orElse("nobody")
                + " "
                + RequestId.current();
    List<ParallelCalls.Outcome<String>> outcomes =
        CallerContext.as(alice, () -> parallel.all(List.of(who, who, who)));
    for (ParallelCalls.Outcome<String> o : outcomes) {
      assertEquals("alice-oid 0123456789abcdef", o.get());
    }
  }

  @Test
  void aFailureIsItsOwnCallsOutcome() {
    IllegalStateException refused = new IllegalStateException("refused");
    List<ParallelCalls.Outcome<String>> outcomes =
        parallel.all(
            List.of(
                () -> "tables",
                () -> {
                  throw refused;
                },
                () -> "measures"));
    assertEquals("tables", outcomes.get(0).get());
    assertSame(refused, outcomes.get(1).error());
    assertNull(outcomes.get(1).value());
    assertSame(refused, assertThrows(IllegalStateException.class, outcomes.get(1)::get));
    assertEquals("measures", outcomes.get(2).get());
  }

  /** A cancelled request's thread is interrupted: the calls still running are interrupted too. */
  @Test
  void interruptingTheCallerInterruptsTheCallsStillRunning() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Supplier<String> hangs =
        () -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
            return "late";
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException(e);
          }
        };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread request =
        new Thread(
            () -> {
              try {
                parallel.all(List.of(() -> "tables", hangs));
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    request.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    request.interrupt();
    request.join(10_000);
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hanging call was interrupted");
    PowerBiException e = (PowerBiException) thrown.get();
    assertEquals(PowerBiException.Kind.CANCELLED, e.kind());
  }

  /** Once the pool is stopped, or when every thread is busy, the caller runs the calls itself. */
  @Test
  void withNoThreadToSpareTheCallerRunsEveryCallItself() {
    parallel.stop();
    // With the JDK's CallerRunsPolicy the calls would be dropped and never end.
    List<ParallelCalls.Outcome<Boolean>> outcomes =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10),
            () -> {
              Thread caller = Thread.currentThread();
              Supplier<Boolean> here = () -> Thread.currentThread() == caller;
              return parallel.all(List.of(here, here, here));
            });
    assertEquals(List.of(true, true, true), outcomes.stream().map(o -> o.get()).toList());
  }

  private static Supplier<String> meet(CyclicBarrier barrier, String answer) {
    return () -> {
      try {
        barrier.await(10, TimeUnit.SECONDS);
        return answer;
      } catch (Exception e) {
        throw new IllegalStateException("the calls did not run at once", e);
      }
    };
  }
}
