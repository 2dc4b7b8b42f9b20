package dev.pbimcp.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * How many characters a JSON value's text has, without writing it: the result budget measures every
 * tool answer, and writing an answer only to count it cost as much as sending it (JFR). Escapes are
 * counted as Parsson writes them: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, and {@code
 * \}{@code u00XX} for the other control characters.
 */
public final class JsonLength {
  private JsonLength() {}

  /**
   * Whether the value's text has at most {@code limit} characters: first a bound that reads only
   * each string's length (as if every character took the longest escape, six), then, only when the
   * bound is over the limit, the exact count. Nearly every tool answer is far under its budget, and
   * counting each character of each string was a tenth of what a tool call cost (JFR).
   */
  public static boolean atMost(JsonValue value, long limit) {
    return bound(value) <= limit || of(value) <= limit;
  }

  private static long bound(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        JsonObject o = (JsonObject) value;
        long n = 2 + o.size(); // the braces and the commas, one spare
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
          n += 3 + 6L * e.getKey().length() + bound(e.getValue()); // quotes and colon
        }
        return n;
      case ARRAY:
        JsonArray a = (JsonArray) value;
        long m = 2 + a.size();
        for (JsonValue item : a) {
          m += bound(item);
        }
        return m;
      case STRING:
        return 2 + 6L * ((JsonString) value).getString().length();
      default:
        return of(value);
    }
  }

  public static long of(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        JsonObject o = (JsonObject) value;
        long n = 2 + Math.max(0, o.size() - 1);
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
          n += quoted(e.getKey()) + 1 + of(e.getValue());
        }
        return n;
      case ARRAY:
        JsonArray a = (JsonArray) value;
        long m = 2 + Math.max(0, a.size() - 1);
        for (JsonValue item : a) {
          m += of(item);
        }
        return m;
      case STRING:
        return quoted(((JsonString) value).getString());
      case NUMBER:
        return value.toString().length();
      case FALSE:
        return 5;
      default: // true, null
        return 4;
    }
  }

  private static long quoted(String s) {
    long n = 2 + s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
        n += 1;
      } else if (c < 0x20) {
        n += 5;
      }
    }
    return n;
  }
}
