package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.telemetry.RequestId;
import jakarta.json.JsonObject;
import java.util.List;

/** The outcome of a tool call: content blocks, optional structured content and the error flag. */
public record ToolResult(List<JsonObject> content, JsonObject structuredContent, boolean isError) {

  public ToolResult {
    content = List.copyOf(content);
  }

  public static ToolResult of(JsonObject... content) {
    return new ToolResult(List.of(content), null, false);
  }

  public static ToolResult text(String text) {
    return of(Content.text(text));
  }

  public static ToolResult structured(JsonObject structured, String text) {
    return new ToolResult(List.of(Content.text(text)), structured, false);
  }

  public static ToolResult error(String message) {
    return new ToolResult(List.of(Content.text(message)), null, true);
  }

  public JsonObject toJson() {
    var blocks = Jsonp.createArrayBuilder();
    String requestId = isError ? RequestId.current() : null;
    for (JsonObject block : content) {
      // An error's first sentence block names the request, for the user to quote.
      if (requestId != null && "text".equals(block.getString("type", ""))) {
        block =
            Jsonp.createObjectBuilder(block)
                .add("text", block.getString("text", "") + " (Request id " + requestId + ".)")
                .build();
        requestId = null;
      }
      blocks.add(block);
    }
    var b = Jsonp.createObjectBuilder().add("content", blocks);
    if (structuredContent != null) {
      b.add("structuredContent", structuredContent);
    }
    if (isError) {
      b.add("isError", true);
    }
    return b.build();
  }
}
