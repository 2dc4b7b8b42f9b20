package dev.pbimcp.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Random;

/**
 * Random JSON values for the tests that hold a writer or a counter to Parsson's text: every kind,
 * nested, with strings of escapes, non-ASCII, pairs and unpaired halves of surrogates.
 */
final class RandomJson {
  private static final String CHARS =
      "aZ09 \"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u07ff\u0800é€\uffff\ud83d\ude00";

  private RandomJson() {}

  static JsonValue value(Random r) {
    return value(r, 0);
  }

  private static JsonValue value(Random r, int depth) {
    int kind = depth > 3 ? r.nextInt(5) : r.nextInt(7);
    switch (kind) {
      case 0:
        return Jsonp.createValue(text(r));
      case 1:
        return Jsonp.createValue(r.nextLong());
      case 2:
        return Jsonp.createValue(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 3:
        return r.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 4:
        return JsonValue.NULL;
      case 5:
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth + 1));
        }
        return a.build();
      default:
        JsonObjectBuilder o = Jsonp.createObjectBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.add(text(r), value(r, depth + 1));
        }
        return o.build();
    }
  }

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
    }
    return sb.toString();
  }
}
