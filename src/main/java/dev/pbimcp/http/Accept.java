package dev.pbimcp.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

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

  private static boolean names(List<String> values, String type) {
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (String range : value.split(",")) {
        String[] parts = range.split(";");
        if (parts[0].strip().toLowerCase(Locale.ROOT).equals(type) && quality(parts) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The range's q (1 when absent); a q that is not a number counts as 0, never as a yes. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.indexOf('=') == 1) {
        try {
          return Double.parseDouble(p.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
