package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests running on this instance, so that {@code notifications/cancelled} can stop them. */
@Unproxied
public class InFlight {
  private final Map<Key, Exchange> running = new ConcurrentHashMap<>();

  /**
   * A request by its session and id. The id's JSON value keeps its type (the string "1" is not the
   * number 1), as its text did; a record costs a request less than that text made twice.
   */
  private record Key(String session, JsonValue requestId) {}

  public void started(Exchange exchange) {
    running.put(key(exchange.session(), exchange.requestId()), exchange);
  }

  public void finished(Exchange exchange) {
    running.remove(key(exchange.session(), exchange.requestId()), exchange);
  }

  /** Cancels the request, if it still runs here; false otherwise (the spec allows ignoring). */
  public boolean cancel(Session session, JsonValue requestId) {
    Exchange e = running.get(key(session, requestId));
    if (e == null) {
      return false;
    }
    e.cancel();
    return true;
  }

  private static Key key(Session session, JsonValue requestId) {
    return new Key(session.key(), requestId);
  }
}
