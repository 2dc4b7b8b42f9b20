package dev.pbimcp.mcp;

import jakarta.json.JsonObject;

/**
 * Where messages a request produces before its response go: the transport's response stream.
 * Implemented by the HTTP layer.
 */
public interface Outbound {

  /** Sends a notification or server request; false when this connection cannot carry it. */
  boolean send(JsonObject message);

  /** Ends the response stream while the request goes on, so the client resumes later. */
  void closeStream();
}
