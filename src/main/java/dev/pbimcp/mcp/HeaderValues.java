package dev.pbimcp.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decodes {@code Mcp-Name} and {@code Mcp-Param-*} header values (SEP-2243): surrounding whitespace
 * is not part of the value, and {@code =?base64?…?=} carries a value HTTP headers cannot, in strict
 * Base64 (padding required, standard alphabet). Anything else is literal.
 */
final class HeaderValues {
  private static final Pattern SENTINEL = Pattern.compile("^=\\?base64\\?(.*)\\?=$");
  private static final Pattern STRICT =
      Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

  private HeaderValues() {}

  /** The value, or empty when a Base64 sentinel holds invalid Base64. */
  static Optional<String> decode(String raw) {
    String v = raw.strip();
    // Most values are literal: a matcher for each of them was a tool call's largest allocation
    // here.
    if (!v.startsWith("=?")) {
      return Optional.of(v);
    }
    var m = SENTINEL.matcher(v);
    if (!m.matches()) {
      return Optional.of(v);
    }
    String b64 = m.group(1);
    if (!STRICT.matcher(b64).matches()) {
      return Optional.empty();
    }
    return Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
  }
}
