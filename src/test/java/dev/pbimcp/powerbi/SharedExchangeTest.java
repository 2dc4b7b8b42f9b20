package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.AtOnce;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a caller gets while another caller's exchange of the same key runs. */
class SharedExchangeTest {
  private final SharedExchange exchanges = new SharedExchange();

  @Test
  void aWaiterGetsTheRunningExchangesFailureAsItIs() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PowerBiException refused =
        new PowerBiException(PowerBiException.Kind.UNAUTHORIZED, "Entra ID refused.");
    Thread first =
        new Thread(
            () ->
                assertThrows(
                    PowerBiException.class,
                    () ->
                        exchanges.token(
                            "key",
                            () -> {
                              running.countDown();
                              AtOnce.await(release);
                              throw refused;
                            })));
    first.start();
    assertTrue(running.await(10, TimeUnit.SECONDS));
    AtomicReference<Throwable> waiter = new AtomicReference<>();
    Thread second = secondCaller(waiter);
    release.countDown();
    second.join(10_000);
    first.join(10_000);
    assertSame(refused, waiter.get(), "the same failure, not a second exchange");
    assertEquals("fresh", exchanges.token("key", () -> "fresh"), "a later caller tries again");
  }

  /** A request that ends while it waits is cancelled, which the circuit breaker never counts. */
  @Test
  void aWaiterInterruptedIsCancelledNotAnOutage() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first =
        new Thread(
            () ->
                exchanges.token(
                    "key",
                    () -> {
                      running.countDown();
                      AtOnce.await(release);
                      return "token";
                    }));
    first.start();
    assertTrue(running.await(10, TimeUnit.SECONDS));
    AtomicReference<Throwable> waiter = new AtomicReference<>();
    Thread second = secondCaller(waiter);
    second.interrupt();
    second.join(10_000);
    release.countDown();
    first.join(10_000);
    PowerBiException e = (PowerBiException) waiter.get();
    assertEquals(PowerBiException.Kind.CANCELLED, e.kind());
    assertFalse(e.kind().outage());
  }

  /** A second caller for the same key, started and waiting for the exchange under way. */
  private Thread secondCaller(AtomicReference<Throwable> failure) {
    Thread second =
        new Thread(
            () -> {
              try {
                exchanges.token("key", () -> "a second exchange");
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    second.start();
    AtOnce.untilAll(List.of(second), Thread.State.WAITING);
    return second;
  }
}
