package dev.pbimcp.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * The one reading of {@code Accept} for every door. A stream is sent only to a client that names
 * {@code text/event-stream} itself (with a non-zero q): Claude.ai has sent {@code *}{@code /*} and
 * could not read a stream, so a wildcard means JSON on POST and 406 on GET. The header is read as
 * text here, not through JAX-RS's parser, which throws on a malformed parameter.
 */
final class Accept {
  private Accept() {}

  static boolean eventStream(HttpHeaders headers) {
    return eventStream(headers.getRequestHeader(HttpHeaders.ACCEPT));
  }

  static boolean eventStream(List<String> values) {
    return names(values, "text/event-stream");
  }

  /** A browser: it names {@code text/html} itself; a wildcard is any other client. */
  static boolean html(HttpHeaders headers) {
    return names(headers.getRequestHeader(HttpHeaders.ACCEPT), "text/html");
  }

  /**
   * Whether a range of the values is {@code type} (letters in any case) with a non-zero q. Read by
   * index, since every request reads it: splitting made arrays and strings for each range.
   */
  private static boolean names(List<String> values, String type) {
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (int from = 0; from <= value.length(); ) {
        int end = value.indexOf(',', from);
        end = end < 0 ? value.length() : end;
        if (range(value, from, end, type)) {
          return true;
        }
        from = end + 1;
      }
    }
    return false;
  }

  /** Whether {@code value[from, end)}, one range, is the type with a non-zero q. */
  private static boolean range(String value, int from, int end, String type) {
    int semi = value.indexOf(';', from);
    int typeEnd = semi < 0 || semi > end ? end : semi;
    int a = first(value, from, typeEnd);
    int b = last(value, a, typeEnd);
    if (b - a != type.length()) {
      return false;
    }
    for (int i = 0; i < b - a; i++) {
      char c = value.charAt(a + i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != type.charAt(i)) {
        return false;
      }
    }
    return typeEnd == end || quality(value, typeEnd + 1, end) > 0;
  }

  /**
   * The q among the parameters in {@code value[from, end)} (1 when absent); a q that is not a
   * number counts as 0, never as a yes.
   */
  private static double quality(String value, int from, int end) {
    while (from < end) {
      int semi = value.indexOf(';', from);
      int next = semi < 0 || semi > end ? end : semi;
      int a = first(value, from, next);
      int b = last(value, a, next);
      if (b - a > 1
          && (value.charAt(a) == 'q' || value.charAt(a) == 'Q')
          && value.charAt(a + 1) == '=') {
        try {
          return Double.parseDouble(value.substring(a + 2, b).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
      from = next + 1;
    }
    return 1;
  }

  /** The first index in [from, end) past spaces and tabs (HTTP's optional whitespace). */
  private static int first(String s, int from, int end) {
    while (from < end && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  /** The end of [from, end) without its trailing spaces and tabs. */
  private static int last(String s, int from, int end) {
    while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return end;
  }
}
