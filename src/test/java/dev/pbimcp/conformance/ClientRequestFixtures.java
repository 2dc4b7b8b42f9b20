package dev.pbimcp.conformance;

import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/** Fixture tools that ask the client something: sampling and elicitation. */
@ApplicationScoped
public class ClientRequestFixtures {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Produces
  McpTool sampling() {
    return new FixtureTool(
        "test_sampling",
        "Asks the client's model to answer a prompt.",
        schema(Json.createObjectBuilder().add("prompt", str("The prompt to send")), "prompt"),
        (a, c) -> {
          requireCapability(c, "sampling");
          var message =
              Json.createObjectBuilder()
                  .add("role", "user")
                  .add(
                      "content",
                      Json.createObjectBuilder()
                          .add("type", "text")
                          .add("text", a.getString("prompt")));
          JsonObject result =
              c.askClient(
                  "sampling/createMessage",
                  Json.createObjectBuilder()
                      .add("messages", Json.createArrayBuilder().add(message))
                      .add("maxTokens", 100)
                      .build(),
                  WAIT);
          String text = result.getJsonObject("content").getString("text", "");
          return ToolResult.text("LLM response: " + text);
        });
  }

  @Produces
  McpTool elicitation() {
    JsonObject props =
        Json.createObjectBuilder()
            .add("username", str("User's response"))
            .add("email", str("User's email address"))
            .build();
    return new FixtureTool(
        "test_elicitation",
        "Asks the user for information.",
        schema(Json.createObjectBuilder().add("message", str("The message to show")), "message"),
        (a, c) ->
            elicit(
                c,
                a.getString("message"),
                Json.createObjectBuilder()
                    .add("type", "object")
                    .add("properties", props)
                    .add("required", Json.createArrayBuilder().add("username").add("email"))
                    .build(),
                "User response: "));
  }

  @Produces
  McpTool elicitationDefaults() {
    JsonObject props =
        Json.createObjectBuilder()
            .add("name", str("User name").add("default", "John Doe"))
            .add("age", typed("integer", "User age").add("default", 30))
            .add("score", typed("number", "User score").add("default", 95.5))
            .add(
                "status",
                str("User status")
                    .add(
                        "enum",
                        Json.createArrayBuilder().add("active").add("inactive").add("pending"))
                    .add("default", "active"))
            .add("verified", typed("boolean", "Verification status").add("default", true))
            .build();
    return new FixtureTool(
        "test_elicitation_sep1034_defaults",
        "Asks the user with defaults for every primitive type.",
        (a, c) ->
            elicit(
                c,
                "Test client default value handling - please accept with defaults",
                Json.createObjectBuilder().add("type", "object").add("properties", props).build(),
                "Elicitation completed: "));
  }

  @Produces
  McpTool elicitationEnums() {
    var three = Json.createArrayBuilder().add("option1").add("option2").add("option3").build();
    JsonObject props =
        Json.createObjectBuilder()
            .add("untitledSingle", str("Untitled single-select").add("enum", three))
            .add(
                "titledSingle",
                str("Titled single-select")
                    .add(
                        "oneOf",
                        Json.createArrayBuilder()
                            .add(option("value1", "First Option"))
                            .add(option("value2", "Second Option"))
                            .add(option("value3", "Third Option"))))
            .add(
                "legacyEnum",
                str("Legacy titled enum")
                    .add("enum", Json.createArrayBuilder().add("opt1").add("opt2").add("opt3"))
                    .add(
                        "enumNames",
                        Json.createArrayBuilder()
                            .add("Option One")
                            .add("Option Two")
                            .add("Option Three")))
            .add(
                "untitledMulti",
                typed("array", "Untitled multi-select")
                    .add(
                        "items",
                        Json.createObjectBuilder().add("type", "string").add("enum", three)))
            .add(
                "titledMulti",
                typed("array", "Titled multi-select")
                    .add(
                        "items",
                        Json.createObjectBuilder()
                            .add(
                                "anyOf",
                                Json.createArrayBuilder()
                                    .add(option("value1", "First Choice"))
                                    .add(option("value2", "Second Choice"))
                                    .add(option("value3", "Third Choice")))))
            .build();
    return new FixtureTool(
        "test_elicitation_sep1330_enums",
        "Asks the user with every enum variant.",
        (a, c) ->
            elicit(
                c,
                "Test enum schema variants",
                Json.createObjectBuilder().add("type", "object").add("properties", props).build(),
                "Elicitation completed: "));
  }

  // Schemas are built once: a JSON-P builder empties itself when built.
  private static ToolResult elicit(ToolContext c, String message, JsonObject schema, String prefix)
      throws InterruptedException {
    requireCapability(c, "elicitation");
    JsonObject result =
        c.askClient(
            "elicitation/create",
            Json.createObjectBuilder()
                .add("message", message)
                .add("requestedSchema", schema)
                .build(),
            WAIT);
    return ToolResult.text(
        prefix
            + "action="
            + result.getString("action", "")
            + ", content="
            + result.getOrDefault("content", JsonObject.EMPTY_JSON_OBJECT));
  }

  private static void requireCapability(ToolContext c, String capability) {
    if (!c.clientSupports(capability)) {
      throw new dev.pbimcp.registry.ToolException(
          "The client does not support " + capability + ".");
    }
  }

  private static JsonObject schema(JsonObjectBuilder properties, String required) {
    return Json.createObjectBuilder()
        .add("type", "object")
        .add("properties", properties)
        .add("required", Json.createArrayBuilder().add(required))
        .build();
  }

  private static JsonObjectBuilder str(String description) {
    return typed("string", description);
  }

  private static JsonObjectBuilder typed(String type, String description) {
    return Json.createObjectBuilder().add("type", type).add("description", description);
  }

  private static JsonObjectBuilder option(String value, String title) {
    return Json.createObjectBuilder().add("const", value).add("title", title);
  }
}
