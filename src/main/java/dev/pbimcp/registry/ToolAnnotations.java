package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;

/**
 * Behaviour hints a client uses to decide whether to ask the user before a call. Every hint is
 * explicit: a silent default makes agents ask users to approve safe reads.
 */
public record ToolAnnotations(
    boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {

  /** A tool that only reads: never destructive, always idempotent. */
  public static ToolAnnotations readOnly(boolean openWorld) {
    return new ToolAnnotations(true, false, true, openWorld);
  }

  /** A tool that changes something outside the server. */
  public static ToolAnnotations write(boolean destructive, boolean idempotent, boolean openWorld) {
    return new ToolAnnotations(false, destructive, idempotent, openWorld);
  }

  JsonObject toJson(String title) {
    var b = Jsonp.createObjectBuilder();
    if (title != null) {
      b.add("title", title);
    }
    return b.add("readOnlyHint", readOnlyHint)
        .add("destructiveHint", destructiveHint)
        .add("idempotentHint", idempotentHint)
        .add("openWorldHint", openWorldHint)
        .build();
  }
}
