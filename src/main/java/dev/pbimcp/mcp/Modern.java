package dev.pbimcp.mcp;

import dev.pbimcp.registry.LogLevel;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What a 2026-07-28 request says about its client, since there is no session to remember it: the
 * capabilities and name from {@code _meta}, the log level it wants (none: no log messages), and the
 * answers to earlier rounds of a multi round-trip request (from the signed {@code requestState}
 * plus the {@code inputResponses} it carries).
 */
public record Modern(
    JsonObject clientCapabilities,
    String clientName,
    Optional<LogLevel> logLevel,
    JsonObject answers) {

  /** The legacy-shaped session the engine's method classes see for a modern request. */
  Session session() {
    return new Session(
        null, "modern", ProtocolVersions.MODERN, clientCapabilities, clientName, null, "");
  }
}
