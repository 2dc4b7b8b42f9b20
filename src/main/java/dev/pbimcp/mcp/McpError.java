package dev.pbimcp.mcp;

import jakarta.json.JsonValue;

/** A protocol error: becomes a JSON-RPC error response with this code and message. */
public class McpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient JsonValue data;

  public McpError(int code, String message) {
    this(code, message, null);
  }

  public McpError(int code, String message, JsonValue data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  public JsonValue data() {
    return data;
  }

  public static McpError invalidParams(String message) {
    return new McpError(JsonRpc.INVALID_PARAMS, message);
  }
}
