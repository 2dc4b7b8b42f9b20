package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds JSON objects that skip absent optional members. */
final class Descriptors {
  private Descriptors() {}

  static JsonObject describe(
      String key, String value, String name, String title, String description, String mimeType) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder().add(key, value).add("name", name);
    addIfPresent(b, "title", title);
    addIfPresent(b, "description", description);
    addIfPresent(b, "mimeType", mimeType);
    return b.build();
  }

  static void addIfPresent(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
