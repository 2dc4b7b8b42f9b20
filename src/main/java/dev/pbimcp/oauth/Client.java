package dev.pbimcp.oauth;

import java.util.List;

/**
 * A client of the façade. {@code APP} is the Entra app itself (Claude's custom client ID/secret):
 * it authenticates with its own secret, which Entra checks. {@code REGISTERED} (DCR) and {@code
 * METADATA_DOCUMENT} (CIMD) clients are public: the façade redeems their codes with the server's
 * secret, so they may use only redirect URIs they declared and the policy allows.
 */
record Client(String id, String name, Kind kind, List<String> redirectUris) {
  enum Kind {
    APP,
    REGISTERED,
    METADATA_DOCUMENT
  }

  /** Whether {@code uri} may receive this client's codes. */
  boolean accepts(String uri, RedirectPolicy policy) {
    if (!policy.allowed(uri)) {
      return false;
    }
    return kind == Kind.APP
        || redirectUris.stream().anyMatch(r -> RedirectPolicy.sameRedirect(r, uri));
  }

  /** A dynamic client sending codes anywhere but Claude gets our consent screen first. */
  boolean needsConsent(String uri) {
    return kind != Kind.APP && !RedirectPolicy.wellKnown(uri);
  }
}
