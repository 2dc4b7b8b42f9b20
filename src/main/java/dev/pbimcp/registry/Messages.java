package dev.pbimcp.registry;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Builders for prompt messages. */
public final class Messages {
  private Messages() {}

  public static JsonObject user(JsonObject content) {
    return Json.createObjectBuilder().add("role", "user").add("content", content).build();
  }

  public static JsonObject assistant(JsonObject content) {
    return Json.createObjectBuilder().add("role", "assistant").add("content", content).build();
  }
}
