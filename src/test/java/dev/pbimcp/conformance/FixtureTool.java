package dev.pbimcp.conformance;

import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolDefinition;
import dev.pbimcp.registry.ToolResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A fixture tool with a hand-written schema and a lambda body. */
final class FixtureTool implements McpTool {
  /** The body of a fixture tool. */
  interface Body {
    ToolResult run(JsonObject arguments, ToolContext context) throws Exception;
  }

  private final ToolDefinition definition;
  private final Body body;

  FixtureTool(String name, String description, JsonObject inputSchema, Body body) {
    this.definition =
        new ToolDefinition(
            name, null, description, inputSchema, null, ToolAnnotations.readOnly(false));
    this.body = body;
  }

  FixtureTool(String name, String description, Body body) {
    this(name, description, Json.createObjectBuilder().add("type", "object").build(), body);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public ToolResult call(JsonObject arguments, ToolContext context) throws Exception {
    return body.run(arguments, context);
  }
}
