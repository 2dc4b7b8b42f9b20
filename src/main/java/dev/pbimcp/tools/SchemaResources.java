package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.ResourceContents;
import dev.pbimcp.registry.ResourceProvider;
import dev.pbimcp.registry.ResourceTemplateDescriptor;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.TypedTool;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A resource template per semantic model: its schema as JSON, for clients that attach context. */
@Unproxied
public class SchemaResources implements ResourceProvider {
  static final String TEMPLATE = "powerbi://workspaces/{workspace_id}/models/{dataset_id}/schema";
  private static final Pattern URI =
      Pattern.compile("powerbi://workspaces/([0-9a-fA-F-]{36})/models/([0-9a-fA-F-]{36})/schema");

  private final SchemaReader reader;
  private final PowerBiGateway gateway;

  @Inject
  public SchemaResources(SchemaReader reader, PowerBiGateway gateway) {
    this.reader = reader;
    this.gateway = gateway;
  }

  @Override
  public List<ResourceTemplateDescriptor> templates() {
    return List.of(
        new ResourceTemplateDescriptor(
            TEMPLATE,
            "semantic-model-schema",
            "Semantic model schema",
            "Tables, columns, measures and relationships of a Power BI semantic model, as JSON.",
            "application/json"));
  }

  @Override
  public Optional<List<JsonObject>> read(String uri) {
    Matcher m = URI.matcher(uri);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      ModelSchema schema = reader.read(m.group(1), m.group(2), null, false);
      return Optional.of(
          List.of(
              ResourceContents.text(uri, "application/json", TypedTool.json(schema).toString())));
    } catch (PowerBiException e) {
      throw new ToolException(e.getMessage(), e);
    }
  }

  @Override
  public List<String> complete(String uriTemplate, String argument, String prefix) {
    if (!argument.equals("workspace_id")) {
      return List.of();
    }
    String p = prefix.toLowerCase(Locale.ROOT);
    return gateway.workspaces(null, 1000, 0).stream()
        .map(w -> w.id())
        .filter(id -> id.startsWith(p))
        .toList();
  }
}
