package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A prompt template the server offers. Implementations are CDI beans. */
public interface McpPrompt {

  PromptDefinition definition();

  /**
   * The prompt's messages for these arguments (required ones are checked before this is called).
   * Each message is {@code {"role": ..., "content": {...}}}.
   */
  List<JsonObject> messages(Map<String, String> arguments) throws Exception;

  /**
   * The messages, for a prompt that needs to ask the client something first (elicitation, sampling)
   * through {@code context}. By default the prompt asks nothing.
   */
  default List<JsonObject> messages(Map<String, String> arguments, ToolContext context)
      throws Exception {
    return messages(arguments);
  }

  /** Completions for one argument, best first. */
  default List<String> complete(String argument, String prefix) {
    return List.of();
  }
}
