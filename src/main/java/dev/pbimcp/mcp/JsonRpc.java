package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.telemetry.RequestId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 message shapes and the error codes MCP uses. */
public final class JsonRpc {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Transport-level refusal (no or bad session), as the SDKs answer it. */
  public static final int SERVER_ERROR = -32000;

  public static final int SESSION_NOT_FOUND = -32001;
  public static final int RESOURCE_NOT_FOUND = -32002;

  /** 2026-07-28: an Mcp-* header disagrees with the body. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a client capability the client did not declare. */
  public static final int MISSING_CLIENT_CAPABILITY = -32021;

  /** 2026-07-28: the requested protocol version is not served here. */
  public static final int UNSUPPORTED_VERSION = -32022;

  private JsonRpc() {}

  /** The kinds of message a peer can send. */
  public enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE,
    INVALID
  }

  public static Kind kind(JsonValue message) {
    if (!(message instanceof JsonObject m) || !"2.0".equals(m.getString("jsonrpc", null))) {
      return Kind.INVALID;
    }
    JsonValue method = m.get("method");
    boolean hasId = m.containsKey("id");
    if (method != null) {
      if (method.getValueType() != JsonValue.ValueType.STRING) {
        return Kind.INVALID;
      }
      if (m.containsKey("params") && !(m.get("params") instanceof JsonObject)) {
        return Kind.INVALID;
      }
      if (!hasId) {
        return Kind.NOTIFICATION;
      }
      return validId(m.get("id")) ? Kind.REQUEST : Kind.INVALID;
    }
    if (hasId && (m.containsKey("result") ^ m.containsKey("error"))) {
      return Kind.RESPONSE;
    }
    return Kind.INVALID;
  }

  /**
   * MCP forbids null ids; JSON-RPC allows only strings and numbers. A string id must be Unicode
   * text: one with an unpaired surrogate ({@code "\ud800"}) cannot be written back in UTF-8 as it
   * came, so the client could not match the answer; it is refused as an invalid request instead.
   */
  public static boolean validId(JsonValue id) {
    if (id instanceof JsonString s) {
      return wellFormed(s.getString());
    }
    return id != null && id.getValueType() == JsonValue.ValueType.NUMBER;
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  public static JsonObject params(JsonObject message) {
    JsonValue p = message.get("params");
    return p instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
  }

  public static JsonObject result(JsonValue id, JsonObject result) {
    return Jsonp.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id)
        .add("result", result)
        .build();
  }

  public static JsonObject error(JsonValue id, int code, String message, JsonValue data) {
    var err = Jsonp.createObjectBuilder().add("code", code).add("message", message);
    // The request's id goes into data (an object of ours, or added to one), so a user can quote
    // it and an operator find the log lines.
    String requestId = RequestId.current();
    if (requestId != null && (data == null || data instanceof JsonObject)) {
      JsonObject o = data == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) data;
      if (!o.containsKey("requestId")) {
        data = Jsonp.createObjectBuilder(o).add("requestId", requestId).build();
      }
    }
    if (data != null) {
      err.add("data", data);
    }
    return Jsonp.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id == null ? JsonValue.NULL : id)
        .add("error", err)
        .build();
  }

  public static JsonObject error(JsonValue id, McpError e) {
    return error(id, e.code(), e.getMessage(), e.data());
  }

  public static JsonObject request(JsonValue id, String method, JsonObject params) {
    return Jsonp.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id)
        .add("method", method)
        .add("params", params)
        .build();
  }

  public static JsonObject notification(String method, JsonObject params) {
    return Jsonp.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("method", method)
        .add("params", params)
        .build();
  }
}
