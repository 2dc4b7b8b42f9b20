package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a client sees of a tool in {@code tools/list}. Kept apart from the handler so tools can be
 * listed, filtered, snapshotted and documented without running anything.
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    JsonObject inputSchema,
    JsonObject outputSchema,
    ToolAnnotations annotations) {

  /** The 2025-11-25 naming rule: 1–128 characters of {@code [A-Za-z0-9_.-]}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(annotations, "annotations");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Tool name breaks the MCP naming rule: " + name);
    }
    if (!"object".equals(inputSchema.getString("type", null))) {
      throw new IllegalArgumentException("Tool " + name + ": inputSchema must have type object");
    }
  }

  public boolean readOnly() {
    return annotations.readOnlyHint();
  }

  /** The {@code tools/list} entry. */
  public JsonObject toJson() {
    var b = Jsonp.createObjectBuilder().add("name", name);
    if (title != null) {
      b.add("title", title);
    }
    b.add("description", description).add("inputSchema", inputSchema);
    if (outputSchema != null) {
      b.add("outputSchema", outputSchema);
    }
    return b.add("annotations", annotations.toJson(title)).build();
  }
}
