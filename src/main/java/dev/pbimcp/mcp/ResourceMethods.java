package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ResourceDescriptor;
import dev.pbimcp.registry.ResourceProvider;
import dev.pbimcp.registry.ResourceTemplateDescriptor;
import dev.pbimcp.registry.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;

/** The {@code resources/*} methods over every {@link ResourceProvider} in the registry. */
@ApplicationScoped
public class ResourceMethods {
  private final Registry registry;
  private final Subscriptions subscriptions;
  private final McpConfig config;

  @Inject
  public ResourceMethods(Registry registry, Subscriptions subscriptions, McpConfig config) {
    this.registry = registry;
    this.subscriptions = subscriptions;
    this.config = config;
  }

  /** For CDI's proxy. */
  protected ResourceMethods() {
    this(null, null, null);
  }

  JsonObject list(JsonObject params) {
    List<ResourceDescriptor> all =
        registry.resourceProviders().stream().flatMap(p -> p.resources().stream()).toList();
    return Paging.page(all, params, config.pageSize(), "resources", ResourceDescriptor::toJson);
  }

  JsonObject templates(JsonObject params) {
    List<ResourceTemplateDescriptor> all =
        registry.resourceProviders().stream().flatMap(p -> p.templates().stream()).toList();
    return Paging.page(
        all, params, config.pageSize(), "resourceTemplates", ResourceTemplateDescriptor::toJson);
  }

  JsonObject read(JsonObject params) throws Exception {
    String uri = uri(params);
    for (ResourceProvider provider : registry.resourceProviders()) {
      Optional<List<JsonObject>> contents;
      try {
        contents = provider.read(uri);
      } catch (ToolException e) {
        throw McpError.invalidParams(e.getMessage());
      }
      if (contents.isPresent()) {
        var array = Jsonp.createArrayBuilder();
        contents.get().forEach(array::add);
        return Jsonp.createObjectBuilder().add("contents", array).build();
      }
    }
    throw new McpError(
        JsonRpc.RESOURCE_NOT_FOUND,
        "Resource not found: " + uri,
        Jsonp.createObjectBuilder().add("uri", uri).build());
  }

  JsonObject subscribe(JsonObject params, Session session) {
    subscriptions.subscribe(session, uri(params));
    return JsonObject.EMPTY_JSON_OBJECT;
  }

  JsonObject unsubscribe(JsonObject params, Session session) {
    subscriptions.unsubscribe(session, uri(params));
    return JsonObject.EMPTY_JSON_OBJECT;
  }

  private static String uri(JsonObject params) {
    if (params.get("uri") instanceof JsonString s && !s.getString().isEmpty()) {
      return s.getString();
    }
    throw McpError.invalidParams("params.uri is required: the URI of the resource.");
  }
}
