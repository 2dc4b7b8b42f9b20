package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.McpPrompt;
import dev.pbimcp.registry.PromptDefinition;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code prompts/list} and {@code prompts/get}. */
@ApplicationScoped
public class PromptMethods {
  private final Registry registry;
  private final McpConfig config;

  @Inject
  public PromptMethods(Registry registry, McpConfig config) {
    this.registry = registry;
    this.config = config;
  }

  /** For CDI's proxy. */
  protected PromptMethods() {
    this(null, null);
  }

  JsonObject list(JsonObject params) {
    return Paging.page(
        registry.prompts(), params, config.pageSize(), "prompts", PromptDefinition::toJson);
  }

  JsonObject get(JsonObject params, Exchange exchange) throws Exception {
    McpPrompt prompt = find(params.get("name"));
    Map<String, String> args = arguments(params.get("arguments"));
    for (PromptDefinition.Argument a : prompt.definition().arguments()) {
      if (a.required() && !args.containsKey(a.name())) {
        throw McpError.invalidParams(
            "Prompt " + prompt.definition().name() + " needs the argument '" + a.name() + "'.");
      }
    }
    List<JsonObject> messages;
    try {
      messages = prompt.messages(args, exchange);
    } catch (ToolException e) {
      throw McpError.invalidParams(e.getMessage());
    }
    var array = Jsonp.createArrayBuilder();
    messages.forEach(array::add);
    var b = Jsonp.createObjectBuilder();
    if (prompt.definition().description() != null) {
      b.add("description", prompt.definition().description());
    }
    return b.add("messages", array).build();
  }

  McpPrompt find(JsonValue name) {
    if (!(name instanceof JsonString s)) {
      throw McpError.invalidParams("params.name is required: the prompt's name.");
    }
    return registry
        .prompt(s.getString())
        .orElseThrow(
            () ->
                McpError.invalidParams(
                    "Unknown prompt: " + s.getString() + ". Call prompts/list."));
  }

  private static Map<String, String> arguments(JsonValue value) {
    Map<String, String> args = new HashMap<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return args;
    }
    if (!(value instanceof JsonObject o)) {
      throw McpError.invalidParams("params.arguments must be an object of strings.");
    }
    for (var e : o.entrySet()) {
      if (!(e.getValue() instanceof JsonString s)) {
        throw McpError.invalidParams("Prompt argument '" + e.getKey() + "' must be a string.");
      }
      args.put(e.getKey(), s.getString());
    }
    return args;
  }
}
