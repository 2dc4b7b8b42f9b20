package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** What counts as Power BI failing: outages open the circuit, the caller's mistakes never do. */
class CircuitBreakerGuardTest {
  private final CircuitBreakerGuard breaker = new CircuitBreakerGuard(60);

  @Test
  void outagesOfEveryKindOpenTheCircuit() {
    for (PowerBiException.Kind kind :
        new PowerBiException.Kind[] {
          PowerBiException.Kind.UNAVAILABLE,
          PowerBiException.Kind.TIMEOUT,
          PowerBiException.Kind.MALFORMED
        }) {
      CircuitBreakerGuard b = new CircuitBreakerGuard(60);
      for (int i = 0; i < CircuitBreakerGuard.THRESHOLD; i++) {
        fail(b, kind);
      }
      var open = assertThrows(CircuitBreakerGuard.OpenException.class, () -> b.call(() -> "x"));
      assertTrue(open.retryInSeconds() >= 59, kind + ": " + open.retryInSeconds());
    }
  }

  @Test
  void badQueriesAndCancellationsNeverDo() {
    for (int i = 0; i < 3 * CircuitBreakerGuard.THRESHOLD; i++) {
      fail(breaker, PowerBiException.Kind.BAD_QUERY);
      fail(breaker, PowerBiException.Kind.CANCELLED);
      fail(breaker, PowerBiException.Kind.NOT_FOUND);
    }
    assertEquals("x", breaker.call(() -> "x"));
  }

  @Test
  void anAnswerResetsTheCount() {
    for (int i = 0; i < CircuitBreakerGuard.THRESHOLD - 1; i++) {
      fail(breaker, PowerBiException.Kind.TIMEOUT);
    }
    fail(breaker, PowerBiException.Kind.BAD_QUERY); // Power BI answered
    fail(breaker, PowerBiException.Kind.TIMEOUT);
    assertEquals("x", breaker.call(() -> "x"));
  }

  @Test
  void transportFailuresAreSaidInWords() {
    for (Throwable t :
        new Throwable[] {
          new ConnectException("Connection refused"),
          new SocketException("Connection reset"),
          new UnknownHostException("api.example"),
          new IllegalStateException("odd")
        }) {
      String said = TransportFailures.describe(t);
      assertFalse(said.contains("Exception") || said.contains("java"), said);
    }
    assertEquals(
        "the connection was refused",
        TransportFailures.describe(new ConnectException("Connection refused")));
  }

  private static void fail(CircuitBreakerGuard b, PowerBiException.Kind kind) {
    assertThrows(
        PowerBiException.class,
        () ->
            b.call(
                () -> {
                  throw new PowerBiException(kind, "x");
                }));
  }
}
