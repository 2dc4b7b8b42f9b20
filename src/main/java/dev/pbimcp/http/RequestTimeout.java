package dev.pbimcp.http;

import dev.pbimcp.mcp.JsonRpc;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The answer to a request stopped by PBIMCP_REQUEST_TIMEOUT_SECONDS, the same on every door. */
final class RequestTimeout {
  private RequestTimeout() {}

  static JsonObject error(JsonValue id, int seconds) {
    return JsonRpc.error(
        id,
        JsonRpc.INTERNAL_ERROR,
        "The request took longer than "
            + seconds
            + " s and was stopped. Narrow it down and try again.",
        null);
  }
}
