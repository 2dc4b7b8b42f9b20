package dev.pbimcp.conformance;

import dev.pbimcp.mcp.Listeners;
import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Fixtures of the 2026-07-28 stateless and header scenarios. */
@ApplicationScoped
public class StatelessFixtures {

  @Produces
  McpTool missingCapability() {
    return new FixtureTool(
        "test_missing_capability",
        "Needs sampling whether or not the client declared it (must be refused with -32021).",
        (a, c) -> {
          JsonObject r =
              c.askClient(
                  "sampling/createMessage",
                  RoundTripFixtures.sample("Say hi", 10).params(),
                  Duration.ofSeconds(30));
          return ToolResult.text("sampled: " + RoundTripFixtures.sampled(r));
        });
  }

  @Produces
  McpTool streamingElicitation() {
    return new FixtureTool(
        "test_streaming_elicitation",
        "Reports progress, then asks the user something.",
        (a, c) -> {
          c.progress(1, 2.0, "about to ask");
          JsonObject r =
              c.askClient(
                  "elicitation/create",
                  RoundTripFixtures.elicit("Anything to add?", "note", "string").params(),
                  Duration.ofSeconds(30));
          return ToolResult.text("noted: " + RoundTripFixtures.field(r, "note"));
        });
  }

  @Produces
  McpTool logging() {
    return new FixtureTool(
        "test_logging_tool",
        "Logs three messages at info level.",
        (a, c) -> {
          for (int i = 1; i <= 3; i++) {
            c.log(LogLevel.INFO, "fixture", "log message " + i);
          }
          return ToolResult.text("logged");
        });
  }

  @Produces
  McpTool triggerToolChange(Listeners listeners) {
    return new FixtureTool(
        "test_trigger_tool_change",
        "Announces that the tool list changed.",
        (a, c) -> {
          listeners.listChanged("tools");
          return ToolResult.text("tools list changed");
        });
  }

  @Produces
  McpTool triggerPromptChange(Listeners listeners) {
    return new FixtureTool(
        "test_trigger_prompt_change",
        "Announces that the prompt list changed.",
        (a, c) -> {
          listeners.listChanged("prompts");
          return ToolResult.text("prompts list changed");
        });
  }

  @Produces
  McpTool headerParam() {
    JsonObject schema =
        Json.createObjectBuilder()
            .add("type", "object")
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add(
                        "region",
                        Json.createObjectBuilder()
                            .add("type", "string")
                            .add("description", "A region, mirrored in the Mcp-Param-Region header")
                            .add("x-mcp-header", "Region")))
            .add("required", Json.createArrayBuilder().add("region"))
            .build();
    return new FixtureTool(
        "test_header_param",
        "Echoes a region that the client also sends as a header.",
        schema,
        (a, c) -> ToolResult.text("region: " + a.getString("region")));
  }
}
