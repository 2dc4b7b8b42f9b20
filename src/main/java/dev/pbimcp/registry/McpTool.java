package dev.pbimcp.registry;

import jakarta.json.JsonObject;

/**
 * A tool the server offers. Implementations are CDI beans; the registry finds them at start-up.
 * Most tools extend {@link TypedTool}, which derives the schemas from records.
 */
public interface McpTool {

  ToolDefinition definition();

  /**
   * Runs the tool. Arguments have already been checked against the input schema. A problem the user
   * can fix is thrown as {@link ToolException} (or returned as an error result); anything else is a
   * bug and is reported without internals.
   */
  ToolResult call(JsonObject arguments, ToolContext context) throws Exception;
}
