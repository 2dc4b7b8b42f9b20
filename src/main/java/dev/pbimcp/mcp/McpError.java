package dev.pbimcp.mcp;

import jakarta.json.JsonValue;

/** A protocol error: becomes a JSON-RPC error response with this code and message. */
public class McpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient JsonValue data;
  private final int httpStatus;

  public McpError(int code, String message) {
    this(code, message, null);
  }

  public McpError(int code, String message, JsonValue data) {
    this(code, message, data, 0);
  }

  /**
   * With the HTTP status the 2026-07-28 transport prescribes for this error (400 for header,
   * version, capability and {@code _meta} problems, 404 for unknown methods); 0 for the default.
   */
  public McpError(int code, String message, JsonValue data, int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
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
