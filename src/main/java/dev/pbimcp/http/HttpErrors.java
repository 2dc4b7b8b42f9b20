package dev.pbimcp.http;

import dev.pbimcp.mcp.JsonRpc;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HTTP responses that carry a JSON-RPC error body, so every client can read why. */
final class HttpErrors {
  private HttpErrors() {}

  static Response response(int status, JsonValue id, int code, String message) {
    return json(status, JsonRpc.error(id, code, message, null));
  }

  static Response json(int status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  static WebApplicationException fail(int status, int code, String message) {
    return new WebApplicationException(response(status, null, code, message));
  }
}
