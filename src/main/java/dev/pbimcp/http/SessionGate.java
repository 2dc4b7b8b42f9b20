package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.ProtocolVersions;
import dev.pbimcp.mcp.Session;
import dev.pbimcp.mcp.SessionCodec;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the {@code Mcp-Session-Id} and {@code MCP-Protocol-Version} headers into a session, or into
 * the status the specification names: 400 when missing or unsupported, 404 when unknown, expired or
 * ended.
 */
@Unproxied
public class SessionGate {
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final SessionCodec codec;

  /** Sessions ended with DELETE on this instance, until they would have expired anyway. */
  private final Map<String, Instant> ended = new ConcurrentHashMap<>();

  @Inject
  public SessionGate(SessionCodec codec) {
    this.codec = codec;
  }

  /**
   * The session the headers name, when it belongs to {@code owner}: another user's session is
   * answered as if it did not exist (404), so a leaked id opens nothing and reveals nothing.
   */
  Session require(HttpHeaders headers, String owner) {
    String id = headers.getHeaderString(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      throw HttpErrors.fail(
          400,
          JsonRpc.SERVER_ERROR,
          "Bad Request: no Mcp-Session-Id header. Send initialize first to open a session.");
    }
    Session session =
        codec
            .verify(id.trim())
            .filter(s -> !ended.containsKey(s.key()))
            .filter(s -> s.owner().equals(owner))
            .orElseThrow(
                () ->
                    HttpErrors.fail(
                        404,
                        JsonRpc.SESSION_NOT_FOUND,
                        "Session not found or expired: send initialize to open a new one."));
    checkVersion(headers);
    return session;
  }

  static void checkVersion(HttpHeaders headers) {
    String version = headers.getHeaderString(VERSION_HEADER);
    if (version != null && !ProtocolVersions.supported(version.trim())) {
      throw HttpErrors.fail(
          400,
          JsonRpc.SERVER_ERROR,
          "Bad Request: unsupported MCP-Protocol-Version "
              + version
              + " for a session (supported: "
              + String.join(", ", ProtocolVersions.LEGACY)
              + ").");
    }
  }

  void end(Session session) {
    Instant now = Instant.now();
    ended.values().removeIf(expiry -> expiry.isBefore(now));
    ended.put(session.key(), session.expiresAt());
  }
}
