package dev.pbimcp.mcp;

import jakarta.json.JsonObject;

/**
 * The session-wide stream (the standalone GET stream) a transport keeps open, for notifications
 * that belong to no request: resource updates, list changes.
 */
public interface SessionStreams {

  /** Delivers the message to the session's open stream on this instance, if there is one. */
  void send(String sessionKey, JsonObject message);
}
