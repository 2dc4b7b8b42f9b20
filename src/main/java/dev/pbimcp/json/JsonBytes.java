package dev.pbimcp.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Map;

/**
 * A JSON value's text as UTF-8 bytes, written straight into one array: every answer is sent this
 * way, and {@code toString()} (a generator, a growing {@code StringWriter}, the string, then the
 * string's bytes again) allocated a fifth of what pbimcp adds to a call (JFR). The bytes are the
 * ones Parsson's text encodes to: the escapes {@link JsonText} writes, and an unpaired surrogate as
 * {@code ?}, as {@code String.getBytes} encodes it.
 */
public final class JsonBytes {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final int KEPT = 16 * 1024;

  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[4 * 1024]);

  private byte[] buf;
  private int n;

  private JsonBytes(byte[] buf) {
    this.buf = buf;
  }

  public static byte[] of(JsonValue value) {
    JsonBytes out = new JsonBytes(SCRATCH.get());
    out.value(value);
    if (out.buf.length <= KEPT) {
      SCRATCH.set(out.buf);
    }
    return Arrays.copyOf(out.buf, out.n);
  }

  private void value(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT -> {
        put('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
          if (!first) {
            put(',');
          }
          first = false;
          string(e.getKey());
          put(':');
          value(e.getValue());
        }
        put('}');
      }
      case ARRAY -> {
        put('[');
        JsonArray a = (JsonArray) value;
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            put(',');
          }
          value(a.get(i));
        }
        put(']');
      }
      case STRING -> string(((JsonString) value).getString());
      case TRUE -> ascii("true"); // their toString() lowercases their type's name each time
      case FALSE -> ascii("false");
      case NULL -> ascii("null");
      default -> ascii(value.toString()); // numbers
    }
  }

  private void string(String s) {
    ensure(s.length() + 2);
    put('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c == '"' || c == '\\') {
          put('\\');
        }
        put(c);
      } else if (c < 0x20) {
        escape(c);
      } else if (c < 0x800) {
        put(0xC0 | (c >> 6));
        put(0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        put(0xE0 | (c >> 12));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        put(0xF0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 0x3F));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
      } else {
        put('?');
      }
    }
    put('"');
  }

  private void escape(char c) {
    put('\\');
    switch (c) {
      case '\b' -> put('b');
      case '\f' -> put('f');
      case '\n' -> put('n');
      case '\r' -> put('r');
      case '\t' -> put('t');
      default -> {
        put('u');
        put('0');
        put('0');
        put(HEX[c >> 4]);
        put(HEX[c & 0xF]);
      }
    }
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
  }

  private void put(int b) {
    if (n == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[n++] = (byte) b;
  }

  private void ensure(int more) {
    if (n + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
  }
}
