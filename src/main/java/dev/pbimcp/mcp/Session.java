package dev.pbimcp.mcp;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A legacy-era session, carried entirely in its signed id so that any server instance holding the
 * key can serve it.
 *
 * @param id the {@code Mcp-Session-Id} value (the signed token itself)
 * @param key a short random identifier, used to index instance-local state (log level, streams)
 * @param protocolVersion the version agreed at {@code initialize}
 * @param clientCapabilities what the client declared (sampling, elicitation, roots)
 * @param clientName the client's self-reported name, for logs only
 * @param expiresAt after this the session is gone and the client must initialize again
 * @param owner who opened it (tenant and object id; empty without sign-in): nobody else may use it
 */
public record Session(
    String id,
    String key,
    String protocolVersion,
    JsonObject clientCapabilities,
    String clientName,
    Instant expiresAt,
    String owner) {

  public boolean clientSupports(String capability) {
    return clientCapabilities.containsKey(capability);
  }

  /** Whether the server may ask this client anything: only those capabilities are kept. */
  public boolean canBeAsked() {
    return !clientCapabilities.isEmpty();
  }
}
