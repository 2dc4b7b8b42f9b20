package dev.pbimcp.conformance;

import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.McpPrompt;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.Messages;
import dev.pbimcp.registry.PromptDefinition;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolContext.ClientAsk;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2026-07-28 multi round-trip fixtures (SEP-2322): tools and a prompt that ask the client
 * something under fixed keys. In that era the first call answers {@code input_required}; the retry
 * with the answers completes. In the legacy era the same code asks over the stream.
 */
@ApplicationScoped
public class RoundTripFixtures {
  private static final Duration WAIT = Duration.ofSeconds(30);

  static ClientAsk elicit(String message, String field, String type) {
    return new ClientAsk(
        "elicitation/create",
        Json.createObjectBuilder()
            .add("message", message)
            .add(
                "requestedSchema",
                Json.createObjectBuilder()
                    .add("type", "object")
                    .add(
                        "properties",
                        Json.createObjectBuilder()
                            .add(field, Json.createObjectBuilder().add("type", type)))
                    .add("required", Json.createArrayBuilder().add(field)))
            .build());
  }

  static ClientAsk sample(String text, int maxTokens) {
    return new ClientAsk(
        "sampling/createMessage",
        Json.createObjectBuilder()
            .add(
                "messages",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("role", "user")
                            .add(
                                "content",
                                Json.createObjectBuilder().add("type", "text").add("text", text))))
            .add("maxTokens", maxTokens)
            .build());
  }

  static final ClientAsk ROOTS = new ClientAsk("roots/list", JsonObject.EMPTY_JSON_OBJECT);

  private static Map<String, JsonObject> ask(ToolContext c, Object... keysAndAsks)
      throws InterruptedException {
    Map<String, ClientAsk> asks = new LinkedHashMap<>();
    for (int i = 0; i < keysAndAsks.length; i += 2) {
      asks.put((String) keysAndAsks[i], (ClientAsk) keysAndAsks[i + 1]);
    }
    return c.askClient(asks, WAIT);
  }

  static String field(JsonObject elicited, String name) {
    JsonObject content = elicited.getJsonObject("content");
    return content == null ? "" : String.valueOf(content.get(name)).replace("\"", "");
  }

  static String sampled(JsonObject result) {
    JsonObject content = result.getJsonObject("content");
    return content == null ? "" : content.getString("text", "");
  }

  @Produces
  McpTool elicitation() {
    return new FixtureTool(
        "test_input_required_result_elicitation",
        "Asks the user's name, then greets them.",
        (a, c) -> {
          JsonObject r =
              ask(c, "user_name", elicit("What is your name?", "name", "string")).get("user_name");
          return ToolResult.text("Hello, " + field(r, "name") + "!");
        });
  }

  @Produces
  McpTool sampling() {
    return new FixtureTool(
        "test_input_required_result_sampling",
        "Asks the client's model a question.",
        (a, c) -> {
          JsonObject r =
              ask(c, "capital_question", sample("What is the capital of France?", 100))
                  .get("capital_question");
          return ToolResult.text("The model answered: " + sampled(r));
        });
  }

  @Produces
  McpTool roots() {
    return new FixtureTool(
        "test_input_required_result_list_roots",
        "Asks the client for its roots.",
        (a, c) -> {
          JsonObject r = ask(c, "client_roots", ROOTS).get("client_roots");
          return ToolResult.text(
              "Client roots: " + r.getOrDefault("roots", Json.createArrayBuilder().build()));
        });
  }

  @Produces
  McpTool requestState() {
    return new FixtureTool(
        "test_input_required_result_request_state",
        "Asks for confirmation; the answer comes back with the signed requestState.",
        (a, c) -> {
          JsonObject r =
              ask(c, "confirm", elicit("Please confirm", "ok", "boolean")).get("confirm");
          return ToolResult.text("state-ok: requestState verified, confirmed=" + field(r, "ok"));
        });
  }

  @Produces
  McpTool tamperedState() {
    return new FixtureTool(
        "test_input_required_result_tampered_state",
        "Asks for confirmation; a tampered requestState is refused.",
        (a, c) -> {
          ask(c, "confirm", elicit("Please confirm", "ok", "boolean"));
          return ToolResult.text("state-ok");
        });
  }

  @Produces
  McpTool multipleInputs() {
    return new FixtureTool(
        "test_input_required_result_multiple_inputs",
        "Asks three things at once.",
        (a, c) -> {
          Map<String, JsonObject> r =
              ask(
                  c,
                  "user_name",
                  elicit("What is your name?", "name", "string"),
                  "greeting",
                  sample("Generate a greeting", 50),
                  "client_roots",
                  ROOTS);
          return ToolResult.text(
              sampled(r.get("greeting"))
                  + " "
                  + field(r.get("user_name"), "name")
                  + " ("
                  + r.get("client_roots").getOrDefault("roots", Json.createArrayBuilder().build())
                  + ")");
        });
  }

  @Produces
  McpTool multiRound() {
    return new FixtureTool(
        "test_input_required_result_multi_round",
        "Asks a name, then a colour.",
        (a, c) -> {
          String name =
              field(
                  ask(c, "step1", elicit("Step 1: What is your name?", "name", "string"))
                      .get("step1"),
                  "name");
          String color =
              field(
                  ask(c, "step2", elicit("Step 2: What is your favorite color?", "color", "string"))
                      .get("step2"),
                  "color");
          return ToolResult.text(name + " likes " + color + ".");
        });
  }

  @Produces
  McpTool capabilities() {
    return new FixtureTool(
        "test_input_required_result_capabilities",
        "Asks only what the client declared it can answer.",
        (a, c) -> {
          Map<String, ClientAsk> asks = new LinkedHashMap<>();
          if (c.clientSupports("sampling")) {
            asks.put("capital_question", sample("What is the capital of France?", 100));
          }
          if (c.clientSupports("elicitation")) {
            asks.put("user_name", elicit("What is your name?", "name", "string"));
          }
          if (c.clientSupports("roots")) {
            asks.put("client_roots", ROOTS);
          }
          if (asks.isEmpty()) {
            return ToolResult.text("The client declared nothing to ask.");
          }
          return ToolResult.text("Answered: " + c.askClient(asks, WAIT).keySet());
        });
  }

  @Produces
  McpPrompt prompt() {
    return new McpPrompt() {
      @Override
      public PromptDefinition definition() {
        return new PromptDefinition(
            "test_input_required_result_prompt",
            null,
            "A prompt that asks for context first",
            List.of());
      }

      @Override
      public List<JsonObject> messages(Map<String, String> arguments) {
        return List.of(Messages.user(Content.text("No context could be asked for.")));
      }

      @Override
      public List<JsonObject> messages(Map<String, String> arguments, ToolContext c)
          throws Exception {
        JsonObject r =
            ask(
                    c,
                    "user_context",
                    elicit("What context should the prompt use?", "context", "string"))
                .get("user_context");
        return List.of(Messages.user(Content.text("Use this context: " + field(r, "context"))));
      }
    };
  }
}
