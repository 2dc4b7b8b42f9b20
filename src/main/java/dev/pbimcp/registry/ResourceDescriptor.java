package dev.pbimcp.registry;

import jakarta.json.JsonObject;

/** A resource as {@code resources/list} shows it. */
public record ResourceDescriptor(
    String uri, String name, String title, String description, String mimeType) {

  public JsonObject toJson() {
    return Descriptors.describe("uri", uri, name, title, description, mimeType);
  }
}
