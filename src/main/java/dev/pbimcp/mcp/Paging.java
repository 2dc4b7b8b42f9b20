package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Cursor pagination for every list method: the cursor is an opaque encoding of an offset. */
final class Paging {
  private Paging() {}

  static <T> JsonObject page(
      List<T> items, JsonObject params, int size, String key, Function<T, JsonObject> toJson) {
    int from = offset(params);
    int to = Math.min(items.size(), from + size);
    JsonArrayBuilder array = Jsonp.createArrayBuilder();
    for (T item : items.subList(Math.min(from, items.size()), to)) {
      array.add(toJson.apply(item));
    }
    JsonObjectBuilder b = Jsonp.createObjectBuilder().add(key, array);
    if (to < items.size()) {
      b.add("nextCursor", cursor(to));
    }
    return b.build();
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static int offset(JsonObject params) {
    if (!params.containsKey("cursor") || params.isNull("cursor")) {
      return 0;
    }
    try {
      String decoded =
          new String(
              Base64.getUrlDecoder().decode(params.getString("cursor")), StandardCharsets.US_ASCII);
      if (decoded.startsWith("o:")) {
        int offset = Integer.parseInt(decoded.substring(2));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      // falls through to the error below
    }
    throw McpError.invalidParams("Invalid cursor: pass back the nextCursor of a previous page.");
  }
}
