package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * Hears about every tool call once it ends (the audit log is one). Implementations are CDI beans.
 */
public interface ToolCallListener {

  /**
   * One finished call.
   *
   * @param caller who called, as far as the server knows (never a credential)
   * @param outcome {@code ok}, {@code tool_error} or {@code failed}
   * @param result the tool result sent, or null when the call failed
   */
  record ToolCall(
      String tool,
      String caller,
      JsonObject arguments,
      Duration duration,
      String outcome,
      JsonObject result) {}

  void called(ToolCall call);
}
