package dev.pbimcp.registry;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** What {@code prompts/list} shows of a prompt. */
public record PromptDefinition(
    String name, String title, String description, List<Argument> arguments) {

  public PromptDefinition {
    arguments = List.copyOf(arguments);
  }

  /** One named string argument of a prompt. */
  public record Argument(String name, String description, boolean required) {}

  public JsonObject toJson() {
    var args = Json.createArrayBuilder();
    for (Argument a : arguments) {
      var ab = Json.createObjectBuilder().add("name", a.name());
      Descriptors.addIfPresent(ab, "description", a.description());
      args.add(ab.add("required", a.required()));
    }
    var b = Json.createObjectBuilder().add("name", name);
    Descriptors.addIfPresent(b, "title", title);
    Descriptors.addIfPresent(b, "description", description);
    return b.add("arguments", args).build();
  }
}
