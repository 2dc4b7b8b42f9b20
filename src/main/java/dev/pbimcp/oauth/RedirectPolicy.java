package dev.pbimcp.oauth;

import dev.pbimcp.auth.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * Where the façade may send an authorization code: Claude's two callbacks, loopback addresses for
 * native clients (any port, RFC 8252), and the URIs an operator adds. Anything else could carry a
 * user's code to a stranger, so it is refused before any redirect happens.
 */
final class RedirectPolicy {
  static final List<String> CLAUDE =
      List.of(
          "https://claude.ai/api/mcp/auth_callback", "https://claude.com/api/mcp/auth_callback");

  private final List<String> extras;

  RedirectPolicy(List<String> extras) {
    this.extras = extras;
  }

  boolean allowed(String uri) {
    return uri != null && (CLAUDE.contains(uri) || extras.contains(uri) || loopback(uri));
  }

  /** Claude's callbacks need no consent screen of ours: Claude shows who is being connected. */
  static boolean wellKnown(String uri) {
    return CLAUDE.contains(uri);
  }

  /** Whether {@code requested} is {@code registered}, allowing a loopback port to differ. */
  static boolean sameRedirect(String registered, String requested) {
    if (registered.equals(requested)) {
      return true;
    }
    if (!loopback(registered) || !loopback(requested)) {
      return false;
    }
    URI a = URI.create(registered);
    URI b = URI.create(requested);
    return a.getScheme().equals(b.getScheme())
        && a.getHost().equals(b.getHost())
        && Objects.equals(a.getRawPath(), b.getRawPath())
        && Objects.equals(a.getRawQuery(), b.getRawQuery());
  }

  static boolean loopback(String uri) {
    try {
      URI u = new URI(uri);
      return "http".equals(u.getScheme())
          && u.getRawUserInfo() == null
          && u.getRawFragment() == null
          && Loopback.host(u.getHost());
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
