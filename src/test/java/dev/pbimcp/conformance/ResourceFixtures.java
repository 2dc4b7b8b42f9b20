package dev.pbimcp.conformance;

import dev.pbimcp.registry.ResourceContents;
import dev.pbimcp.registry.ResourceDescriptor;
import dev.pbimcp.registry.ResourceProvider;
import dev.pbimcp.registry.ResourceTemplateDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resources and the template the conformance suite reads. */
@ApplicationScoped
public class ResourceFixtures implements ResourceProvider {
  private static final Pattern TEMPLATE = Pattern.compile("test://template/([^/]+)/data");

  @Override
  public List<ResourceDescriptor> resources() {
    return List.of(
        new ResourceDescriptor(
            "test://static-text",
            "static-text",
            "Static text",
            "A static text resource",
            "text/plain"),
        new ResourceDescriptor(
            "test://static-binary", "static-binary", "Static binary", "A PNG image", "image/png"),
        new ResourceDescriptor(
            "test://watched-resource", "watched-resource", null, "Subscribable", "text/plain"));
  }

  @Override
  public List<ResourceTemplateDescriptor> templates() {
    return List.of(
        new ResourceTemplateDescriptor(
            "test://template/{id}/data",
            "template",
            "Template",
            "Data for an id",
            "application/json"));
  }

  @Override
  public Optional<List<JsonObject>> read(String uri) {
    return switch (uri) {
      case "test://static-text" ->
          Optional.of(
              List.of(
                  ResourceContents.text(
                      uri, "text/plain", "This is the content of the static text resource.")));
      case "test://static-binary" ->
          Optional.of(List.of(ResourceContents.blob(uri, "image/png", Media.PNG)));
      case "test://watched-resource" ->
          Optional.of(
              List.of(ResourceContents.text(uri, "text/plain", "Watched resource content")));
      default -> template(uri);
    };
  }

  @Override
  public List<String> complete(String uriTemplate, String argument, String prefix) {
    return List.of("123", "456").stream().filter(v -> v.startsWith(prefix)).toList();
  }

  private static Optional<List<JsonObject>> template(String uri) {
    Matcher m = TEMPLATE.matcher(uri);
    if (!m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    return Optional.of(
        List.of(
            ResourceContents.text(
                uri,
                "application/json",
                "{\"id\":\""
                    + id
                    + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                    + id
                    + "\"}")));
  }
}
