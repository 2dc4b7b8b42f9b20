package dev.pbimcp.registry;

import jakarta.json.JsonObject;

/** A URI template as {@code resources/templates/list} shows it. */
public record ResourceTemplateDescriptor(
    String uriTemplate, String name, String title, String description, String mimeType) {

  public JsonObject toJson() {
    return Descriptors.describe("uriTemplate", uriTemplate, name, title, description, mimeType);
  }
}
