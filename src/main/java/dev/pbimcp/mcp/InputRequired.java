package dev.pbimcp.mcp;

import jakarta.json.JsonObject;

/**
 * Thrown through a tool (or prompt) that asked the client something the request does not yet
 * answer, in the 2026-07-28 era: the engine turns it into an {@code input_required} result, and the
 * client's retry with the answers runs the work again from the start.
 */
final class InputRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient JsonObject inputRequests;

  InputRequired(JsonObject inputRequests) {
    super("input required", null, false, false);
    this.inputRequests = inputRequests;
  }

  JsonObject inputRequests() {
    return inputRequests;
  }
}
