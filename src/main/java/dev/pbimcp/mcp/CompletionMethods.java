package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/** {@code completion/complete} for prompt arguments and resource-template variables. */
@ApplicationScoped
public class CompletionMethods {
  private static final int MAX_VALUES = 100;

  private final Registry registry;
  private final PromptMethods prompts;

  @Inject
  public CompletionMethods(Registry registry, PromptMethods prompts) {
    this.registry = registry;
    this.prompts = prompts;
  }

  /** For CDI's proxy. */
  protected CompletionMethods() {
    this(null, null);
  }

  JsonObject complete(JsonObject params) {
    if (!(params.get("ref") instanceof JsonObject ref)
        || !(params.get("argument") instanceof JsonObject argument)
        || !(argument.get("name") instanceof JsonString argName)) {
      throw McpError.invalidParams(
          "completion/complete needs params.ref and params.argument.name.");
    }
    String prefix = argument.getString("value", "");
    List<String> values =
        switch (ref.getString("type", "")) {
          case "ref/prompt" -> prompts.find(ref.get("name")).complete(argName.getString(), prefix);
          case "ref/resource" ->
              templateValues(ref.getString("uri", ""), argName.getString(), prefix);
          default -> throw McpError.invalidParams("ref.type must be ref/prompt or ref/resource.");
        };
    var array = Jsonp.createArrayBuilder();
    values.stream().limit(MAX_VALUES).forEach(array::add);
    return Jsonp.createObjectBuilder()
        .add(
            "completion",
            Jsonp.createObjectBuilder()
                .add("values", array)
                .add("total", values.size())
                .add("hasMore", values.size() > MAX_VALUES))
        .build();
  }

  private List<String> templateValues(String uriTemplate, String argument, String prefix) {
    List<String> values = new ArrayList<>();
    for (ResourceProvider p : registry.resourceProviders()) {
      if (p.templates().stream().anyMatch(t -> t.uriTemplate().equals(uriTemplate))) {
        values.addAll(p.complete(uriTemplate, argument, prefix));
      }
    }
    return values;
  }
}
