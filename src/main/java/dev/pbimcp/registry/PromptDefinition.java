package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
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
    var args = Jsonp.createArrayBuilder();
    for (Argument a : arguments) {
      var ab = Jsonp.createObjectBuilder().add("name", a.name());
      Descriptors.addIfPresent(ab, "description", a.description());
      args.add(ab.add("required", a.required()));
    }
    var b = Jsonp.createObjectBuilder().add("name", name);
    Descriptors.addIfPresent(b, "title", title);
    Descriptors.addIfPresent(b, "description", description);
    return b.add("arguments", args).build();
  }
}
