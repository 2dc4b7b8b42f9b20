package dev.pbimcp.conformance;

import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.Json;

/** Fixture tools that exercise logging, progress, SSE polling and JSON Schema 2020-12. */
@ApplicationScoped
public class ProtocolFixtures {

  @Produces
  McpTool logging() {
    return new FixtureTool(
        "test_tool_with_logging",
        "Logs three messages while it runs.",
        (a, c) -> {
          c.log(LogLevel.INFO, "conformance", "Tool execution started");
          Thread.sleep(50);
          c.log(LogLevel.INFO, "conformance", "Tool processing data");
          Thread.sleep(50);
          c.log(LogLevel.INFO, "conformance", "Tool execution completed");
          return ToolResult.text("Logging test completed");
        });
  }

  @Produces
  McpTool progress() {
    return new FixtureTool(
        "test_tool_with_progress",
        "Reports progress 0, 50, 100 of 100.",
        (a, c) -> {
          c.progress(0, 100.0, null);
          Thread.sleep(50);
          c.progress(50, 100.0, null);
          Thread.sleep(50);
          c.progress(100, 100.0, null);
          return ToolResult.text("Progress test completed");
        });
  }

  @Produces
  McpTool reconnection() {
    return new FixtureTool(
        "test_reconnection",
        "Closes its response stream mid-call; the answer arrives after the client reconnects.",
        (a, c) -> {
          c.closeResponseStream();
          Thread.sleep(200);
          return ToolResult.text("Reconnection test completed successfully");
        });
  }

  @Produces
  McpTool jsonSchema2020() {
    var address =
        Json.createObjectBuilder()
            .add("$anchor", "address")
            .add("type", "object")
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add("street", Json.createObjectBuilder().add("type", "string"))
                    .add("city", Json.createObjectBuilder().add("type", "string")));
    var schema =
        Json.createObjectBuilder()
            .add("$schema", "https://json-schema.org/draft/2020-12/schema")
            .add("type", "object")
            .add("$defs", Json.createObjectBuilder().add("address", address))
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add("name", Json.createObjectBuilder().add("type", "string"))
                    .add("address", Json.createObjectBuilder().add("$ref", "#/$defs/address")))
            .add("additionalProperties", false)
            .add(
                "allOf",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add(
                                "anyOf",
                                Json.createArrayBuilder().add(req("name")).add(req("address")))))
            .add(
                "if",
                Json.createObjectBuilder()
                    .add(
                        "properties",
                        Json.createObjectBuilder()
                            .add("name", Json.createObjectBuilder().add("const", "home"))))
            .add("then", req("address"))
            .add("else", Json.createObjectBuilder())
            .build();
    return new FixtureTool(
        "json_schema_2020_12_tool",
        "Tool with JSON Schema 2020-12 features",
        schema,
        (a, c) -> ToolResult.text("Received: " + a));
  }

  private static jakarta.json.JsonObjectBuilder req(String property) {
    return Json.createObjectBuilder().add("required", Json.createArrayBuilder().add(property));
  }
}
