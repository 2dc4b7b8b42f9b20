package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;

/** Builders for entries of a {@code resources/read} result. */
public final class ResourceContents {
  private ResourceContents() {}

  public static JsonObject text(String uri, String mimeType, String text) {
    return Jsonp.createObjectBuilder()
        .add("uri", uri)
        .add("mimeType", mimeType)
        .add("text", text)
        .build();
  }

  public static JsonObject blob(String uri, String mimeType, String base64) {
    return Jsonp.createObjectBuilder()
        .add("uri", uri)
        .add("mimeType", mimeType)
        .add("blob", base64)
        .build();
  }
}
