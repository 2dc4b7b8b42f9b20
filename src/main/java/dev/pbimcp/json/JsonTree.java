package dev.pbimcp.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.util.ArrayDeque;

/**
 * One JSON value read from text into Parsson's values, the ones its {@code JsonReader.readValue}
 * reads (JsonTreeTest holds the two together, on valid and on broken text). Every POST is read
 * here: Parsson's parser (a tokenizer, a pooled buffer, an event per token, and a new {@code
 * String} on every {@code getString()}) took half of what reading a body cost, and this reads a
 * POST's few members straight from the decoded text, each string once.
 */
public final class JsonTree {
  /**
   * Parsson's limits, so that the two refuse alike: the deepest nesting it reads (its maxDepth of
   * 1000 refuses the thousandth level) and its maxBigDecimalLength.
   */
  static final int MAX_DEPTH = 999;

  static final int MAX_NUMBER_LENGTH = 1100;

  private final String s;
  private int i;

  private JsonTree(String s) {
    this.s = s;
  }

  /**
   * The value; a {@link JsonException} when the text is not one JSON value (nothing, broken, nested
   * deeper than {@link #MAX_DEPTH}, or followed by more text, which Parsson's reader would ignore).
   */
  public static JsonValue read(String text) {
    JsonTree t = new JsonTree(text);
    t.skip();
    JsonValue v = t.value();
    t.skip();
    if (t.i != text.length()) {
      throw t.error("More text after the JSON value");
    }
    return v;
  }

  /** The value here; containers without recursion, kept on a stack. */
  private JsonValue value() {
    char c = next();
    if (c != '{' && c != '[') {
      return scalar(c);
    }
    ArrayDeque<Open> open = new ArrayDeque<>();
    Open top = new Open(c == '{', null);
    i++;
    while (true) {
      skip();
      c = next();
      if (c == top.close()) {
        if (top.afterComma) {
          throw error("A comma before " + c);
        }
        i++;
        JsonValue done = top.build();
        if (open.isEmpty()) {
          return done;
        }
        String key = top.keyAbove;
        top = open.pop();
        top.add(key, done);
        continue;
      }
      if (top.count > 0 && !top.afterComma) {
        expect(',');
        top.afterComma = true;
        continue;
      }
      top.afterComma = false;
      String key = null;
      if (top.object) {
        if (c != '"') {
          throw error("A member name");
        }
        key = string();
        skip();
        expect(':');
        skip();
        c = next();
      }
      if (c == '{' || c == '[') {
        if (open.size() + 2 > MAX_DEPTH) { // the new container's depth
          throw error("Nesting deeper than " + MAX_DEPTH);
        }
        open.push(top);
        top = new Open(c == '{', key);
        i++;
      } else {
        top.add(key, scalar(c));
      }
    }
  }

  private JsonValue scalar(char c) {
    return switch (c) {
      case '"' -> Jsonp.createValue(string());
      case 't' -> literal("true", JsonValue.TRUE);
      case 'f' -> literal("false", JsonValue.FALSE);
      case 'n' -> literal("null", JsonValue.NULL);
      default -> number();
    };
  }

  private JsonValue literal(String word, JsonValue v) {
    if (!s.startsWith(word, i)) {
      throw error("Not a JSON value");
    }
    i += word.length();
    return v;
  }

  /** A string from its opening quote: one read lately, or a substring, unless it holds escapes. */
  private String string() {
    int start = ++i;
    int hash = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return RecentStrings.of(s, start, i++, hash);
      }
      hash = 31 * hash + c; // String.hashCode's
      if (c == '\\') {
        return escaped(new StringBuilder(i - start + 16).append(s, start, i));
      }
      if (c < 0x20) {
        throw error("A control character in a string");
      }
    }
    throw error("A string without its closing quote");
  }

  private String escaped(StringBuilder b) {
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("A control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = i < s.length() ? s.charAt(i++) : 0;
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(hex4());
        default -> throw error("An unknown escape");
      }
    }
    throw error("A string without its closing quote");
  }

  private char hex4() {
    if (i + 4 > s.length()) {
      throw error("A short \\u escape");
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(s.charAt(i++), 16);
      if (d < 0) {
        throw error("A \\u escape that is not hexadecimal");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /** A number as RFC 8259 writes it; an int or a long when it is one, as Parsson reads it. */
  private JsonValue number() {
    int start = i;
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '0') {
      i++;
    } else if (digits() == 0) {
      throw error("Not a JSON value");
    }
    boolean integral = true;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      integral = false;
      if (digits() == 0) {
        throw error("A fraction without digits");
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      integral = false;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (digits() == 0) {
        throw error("An exponent without digits");
      }
    }
    int length = i - start;
    if (length > MAX_NUMBER_LENGTH) {
      throw error("A number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    String text = s.substring(start, i);
    if (integral && length <= 9) {
      return Jsonp.createValue(Integer.parseInt(text));
    }
    if (integral && length <= 18) {
      return Jsonp.createValue(Long.parseLong(text));
    }
    try {
      return Jsonp.createValue(new BigDecimal(text));
    } catch (NumberFormatException e) { // an exponent past an int's range
      throw error("A number out of range");
    }
  }

  private int digits() {
    int from = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private void skip() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  private char next() {
    if (i >= s.length()) {
      throw error("The text ends before its value does");
    }
    return s.charAt(i);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("Expected " + c);
    }
    i++;
  }

  private JsonParsingException error(String what) {
    return new JsonParsingException(what + " at offset " + i + ".", null);
  }

  /** An object or array being read, and the key it will have in the object around it. */
  private static final class Open {
    private final boolean object;
    private final JsonObjectBuilder members;
    private final JsonArrayBuilder items;
    private final String keyAbove;
    private int count;
    private boolean afterComma;

    Open(boolean object, String keyAbove) {
      this.object = object;
      this.members = object ? Jsonp.createObjectBuilder() : null;
      this.items = object ? null : Jsonp.createArrayBuilder();
      this.keyAbove = keyAbove;
    }

    char close() {
      return object ? '}' : ']';
    }

    void add(String key, JsonValue v) {
      count++;
      if (object) {
        members.add(key, v);
      } else {
        items.add(v);
      }
    }

    JsonValue build() {
      return object ? members.build() : items.build();
    }
  }
}
