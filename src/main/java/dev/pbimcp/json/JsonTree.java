package dev.pbimcp.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * One JSON value read from text, as Parsson's {@code JsonReader.readValue} reads it, except that
 * each string is a {@code String} once: Parsson's reader keeps a string as a builder of characters
 * and makes a new {@code String} of it on every {@code getString()}, and a POST's method, name and
 * version are read a dozen times on the way (JFR: a string made at each).
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * The value; a {@link JsonException} when the text is not one JSON value (nothing, broken, or
   * followed by more text, which Parsson's reader would ignore), and the parser's own runtime
   * exception when it nests deeper than the parser allows.
   */
  public static JsonValue read(Reader text) {
    try (JsonParser parser = Jsonp.createParser(text)) {
      if (!parser.hasNext()) {
        throw new JsonParsingException("No JSON value.", parser.getLocation());
      }
      JsonValue value = value(parser, parser.next());
      if (parser.hasNext()) {
        throw new JsonParsingException("More text after the JSON value.", parser.getLocation());
      }
      return value;
    }
  }

  /** The value that starts with {@code first}; containers without recursion, kept on a stack. */
  private static JsonValue value(JsonParser parser, JsonParser.Event first) {
    if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
      return scalar(parser, first);
    }
    ArrayDeque<Open> open = new ArrayDeque<>();
    open.push(new Open(first));
    while (true) {
      JsonParser.Event e = parser.next();
      Open top = open.peek();
      switch (e) {
        case KEY_NAME -> top.key = parser.getString();
        case START_OBJECT, START_ARRAY -> open.push(new Open(e).under(top.key));
        case END_OBJECT, END_ARRAY -> {
          Open done = open.pop();
          JsonValue v = done.build();
          if (open.isEmpty()) {
            return v;
          }
          open.peek().add(done.keyAbove, v);
        }
        default -> top.add(top.key, scalar(parser, e));
      }
    }
  }

  private static JsonValue scalar(JsonParser parser, JsonParser.Event e) {
    return switch (e) {
      case VALUE_STRING -> Jsonp.createValue(parser.getString());
      case VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
      default -> throw new JsonParsingException("Unexpected " + e + ".", parser.getLocation());
    };
  }

  /** An object or array being read, and the key it will have in the object around it. */
  private static final class Open {
    private final JsonObjectBuilder object;
    private final JsonArrayBuilder array;
    private String key;
    private String keyAbove;

    Open(JsonParser.Event start) {
      boolean isObject = start == JsonParser.Event.START_OBJECT;
      this.object = isObject ? Jsonp.createObjectBuilder() : null;
      this.array = isObject ? null : Jsonp.createArrayBuilder();
    }

    Open under(String key) {
      this.keyAbove = key;
      return this;
    }

    void add(String key, JsonValue v) {
      if (object != null) {
        object.add(key, v);
      } else {
        array.add(v);
      }
    }

    JsonValue build() {
      return object != null ? object.build() : array.build();
    }
  }
}
