package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;

/** Builders for prompt messages. */
public final class Messages {
  private Messages() {}

  public static JsonObject user(JsonObject content) {
    return Jsonp.createObjectBuilder().add("role", "user").add("content", content).build();
  }

  public static JsonObject assistant(JsonObject content) {
    return Jsonp.createObjectBuilder().add("role", "assistant").add("content", content).build();
  }
}
