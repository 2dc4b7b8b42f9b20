package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A source of resources: fixed ones it lists, templates it resolves, and the contents of a URI it
 * owns. Providers are CDI beans; the first one that owns a URI answers.
 */
public interface ResourceProvider {

  /** The fixed resources listed; most providers serve only templates. */
  default List<ResourceDescriptor> resources() {
    return List.of();
  }

  default List<ResourceTemplateDescriptor> templates() {
    return List.of();
  }

  /** The contents (see {@link ResourceContents}) of {@code uri}, or empty when not owned here. */
  Optional<List<JsonObject>> read(String uri) throws Exception;

  /** Completions for an argument of one of this provider's templates. */
  default List<String> complete(String uriTemplate, String argument, String prefix) {
    return List.of();
  }
}
