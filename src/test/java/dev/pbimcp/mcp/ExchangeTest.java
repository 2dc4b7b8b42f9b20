package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a request's interim messages must reach the client while it runs (the transport then gives
 * its work a thread of its own and streams as it goes) and when they may follow with the answer.
 */
class ExchangeTest {
  private static final JsonObject CAN_BE_ASKED =
      Json.createObjectBuilder().add("elicitation", JsonValue.EMPTY_JSON_OBJECT).build();

  private static Session session(JsonObject caps) {
    return new Session("id", "key", "2025-11-25", caps, "client", Instant.MAX, "");
  }

  private static JsonObject call(boolean progress) {
    var params = Json.createObjectBuilder().add("name", "get_powerbi_status");
    if (progress) {
      params.add("_meta", Json.createObjectBuilder().add("progressToken", "p1"));
    }
    return Json.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", 1)
        .add("method", "tools/call")
        .add("params", params)
        .build();
  }

  private static Exchange legacy(JsonObject caps, boolean progress, boolean mayAsk) {
    return new Exchange(session(caps), call(progress), null, null, null).mayAsk(mayAsk);
  }

  @Test
  void aProgressTokenMeansProgressFlowsWhileTheWorkRuns() {
    assertTrue(legacy(JsonValue.EMPTY_JSON_OBJECT, true, false).talksWhileRunning());
    Modern modern = new Modern(CAN_BE_ASKED, "c", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT);
    assertTrue(
        new Exchange(session(CAN_BE_ASKED), call(true), null, null, null, modern)
            .mayAsk(true)
            .talksWhileRunning());
  }

  @Test
  void aQuestionNeedsAMethodThatMayAskAndAClientThatCanAnswer() {
    assertTrue(legacy(CAN_BE_ASKED, false, true).talksWhileRunning());
    assertFalse(
        legacy(JsonValue.EMPTY_JSON_OBJECT, false, true).talksWhileRunning(),
        "a client that declared nothing to be asked is never asked");
    assertFalse(legacy(CAN_BE_ASKED, false, false).talksWhileRunning(), "ping never asks");
  }

  @Test
  void inThe20260728EraAQuestionEndsTheRunSoOnlyProgressCounts() {
    Modern modern = new Modern(CAN_BE_ASKED, "c", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT);
    assertFalse(
        new Exchange(session(CAN_BE_ASKED), call(false), null, null, null, modern)
            .mayAsk(true)
            .talksWhileRunning());
  }
}
