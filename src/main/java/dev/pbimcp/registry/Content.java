package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;

/** Builders for MCP content blocks, shared by tool results and prompt messages. */
public final class Content {
  private Content() {}

  public static JsonObject text(String text) {
    return Jsonp.createObjectBuilder().add("type", "text").add("text", text).build();
  }

  public static JsonObject image(String base64, String mimeType) {
    return binary("image", base64, mimeType);
  }

  public static JsonObject audio(String base64, String mimeType) {
    return binary("audio", base64, mimeType);
  }

  /** An embedded resource holding text. */
  public static JsonObject resource(String uri, String mimeType, String text) {
    return Jsonp.createObjectBuilder()
        .add("type", "resource")
        .add(
            "resource",
            Jsonp.createObjectBuilder().add("uri", uri).add("mimeType", mimeType).add("text", text))
        .build();
  }

  /** A link to a resource the client may read (2025-06-18 and later). */
  public static JsonObject resourceLink(
      String uri, String name, String mimeType, String description) {
    return Jsonp.createObjectBuilder()
        .add("type", "resource_link")
        .add("uri", uri)
        .add("name", name)
        .add("mimeType", mimeType)
        .add("description", description)
        .build();
  }

  private static JsonObject binary(String type, String base64, String mimeType) {
    return Jsonp.createObjectBuilder()
        .add("type", type)
        .add("data", base64)
        .add("mimeType", mimeType)
        .build();
  }
}
