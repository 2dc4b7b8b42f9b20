package dev.pbimcp.http;

import dev.pbimcp.auth.McpPaths;
import dev.pbimcp.json.JsonBytes;
import dev.pbimcp.mcp.JsonRpc;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HTTP responses that carry a JSON-RPC error body, so every client can read why, and the one way a
 * JSON body is sent on the MCP doors ({@link #json}).
 */
final class HttpErrors {
  /** What a refused client is told to wait: long enough for a burst to drain, short to a user. */
  static final int RETRY_AFTER_SECONDS = 2;

  private HttpErrors() {}

  static Response response(int status, JsonValue id, int code, String message) {
    return json(status, JsonRpc.error(id, code, message, null));
  }

  /** A JSON body, sent as its UTF-8 bytes ({@link JsonBytes}): every answer goes this way. */
  static Response json(int status, JsonValue body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JsonBytes.of(body))
        .build();
  }

  /** An error's body as the path calls for: a JSON-RPC error on the MCP paths, else plain text. */
  record Body(String type, String text) {}

  /** The one rule for which body an error gets: MCP clients parse JSON-RPC, browsers read text. */
  static Body body(String path, int code, String message) {
    return McpPaths.covers(path)
        ? new Body(MediaType.APPLICATION_JSON, JsonRpc.error(null, code, message, null).toString())
        : new Body(MediaType.TEXT_PLAIN, message);
  }

  static Response forPath(String path, int status, int code, String message) {
    Body b = body(path, code, message);
    return Response.status(status).type(b.type()).entity(b.text()).build();
  }

  static WebApplicationException fail(int status, int code, String message) {
    return new WebApplicationException(response(status, null, code, message));
  }

  /** 503 with Retry-After and a JSON-RPC error saying what is full and when to try again. */
  static Response busy(JsonValue id, String what) {
    return Response.fromResponse(
            response(
                503,
                id,
                JsonRpc.SERVER_ERROR,
                "The server is busy: it already "
                    + what
                    + " as it may. Retry after "
                    + RETRY_AFTER_SECONDS
                    + " s."))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }
}
