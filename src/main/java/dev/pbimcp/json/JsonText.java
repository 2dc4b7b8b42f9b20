package dev.pbimcp.json;

/**
 * JSON text appended straight to a {@code StringBuilder}, for a line made on every call (the audit
 * log's): a generator, its writer and its buffers cost more than the line. Strings are escaped as
 * Parsson escapes them, the escapes {@link JsonLength} counts.
 */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * Appends {@code s} as a JSON string: the characters up to the first that needs an escape in one
   * append (most names and ids have none), and the rest one by one.
   */
  public static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    int plain = 0;
    while (plain < s.length() && !escaped(s.charAt(plain))) {
      plain++;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }

  /** Appends {@code ,"name":} and the string {@code value}. */
  public static StringBuilder field(StringBuilder out, String name, String value) {
    return string(string(out.append(','), name).append(':'), value);
  }

  /** Appends {@code ,"name":} and the number {@code value}. */
  public static StringBuilder field(StringBuilder out, String name, long value) {
    return string(out.append(','), name).append(':').append(value);
  }
}
