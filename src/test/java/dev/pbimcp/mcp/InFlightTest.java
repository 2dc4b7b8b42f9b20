package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** notifications/cancelled stops the request it names: same session, same id, same JSON type. */
class InFlightTest {
  private static Session session(String key) {
    return new Session(
        "id-" + key, key, "2025-11-25", JsonValue.EMPTY_JSON_OBJECT, "c", Instant.MAX, "");
  }

  private static Exchange request(Session session, JsonValue id) {
    JsonObject call =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("id", id)
            .add("method", "ping")
            .build();
    return new Exchange(session, call, null, null, null);
  }

  @Test
  void theIdKeepsItsTypeAndItsSession() {
    InFlight inFlight = new InFlight();
    Session a = session("a");
    Exchange numberOne = request(a, Json.createValue(1));
    inFlight.started(numberOne);

    assertFalse(inFlight.cancel(a, Json.createValue("1")), "the string \"1\" is another id");
    assertFalse(inFlight.cancel(session("b"), Json.createValue(1)), "another session's id 1");
    assertFalse(numberOne.isCancelled());

    assertTrue(inFlight.cancel(a, Json.createReader(new java.io.StringReader("1")).readValue()));
    assertTrue(numberOne.isCancelled());
  }

  @Test
  void aFinishedRequestIsNoLongerCancelled() {
    InFlight inFlight = new InFlight();
    Session a = session("a");
    Exchange e = request(a, Json.createValue("r-1"));
    inFlight.started(e);
    inFlight.finished(e);
    assertFalse(inFlight.cancel(a, Json.createValue("r-1")));
    assertFalse(e.isCancelled());
  }
}
