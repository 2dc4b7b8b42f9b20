package dev.pbimcp.oauth;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Maps the scopes a client asks for to the ones Entra understands: short names become this API's
 * {@code api://{client-id}/…} scopes, and the API scope, {@code offline_access} (no refresh token
 * without it, and Claude would lose the connection within the hour), {@code openid} and {@code
 * profile} are always asked for. Scopes of other resources are refused: the tokens are for us.
 */
final class Scopes {
  private static final Set<String> OIDC = Set.of("offline_access", "openid", "profile", "email");

  private Scopes() {}

  /** The upstream scope string, or null when {@code requested} names a foreign scope. */
  static String upstream(String requested, String clientId, String requiredScope) {
    String api = "api://" + clientId + "/";
    Set<String> out = new LinkedHashSet<>();
    out.add(api + requiredScope);
    if (requested != null) {
      for (String s : requested.trim().split("\\s+")) {
        if (s.isEmpty() || OIDC.contains(s) || s.startsWith(api)) {
          out.add(s);
        } else if (s.contains("/") || s.contains(":")) {
          return null;
        } else {
          out.add(api + s);
        }
      }
    }
    out.add("offline_access");
    out.add("openid");
    out.add("profile");
    out.remove("");
    return String.join(" ", out);
  }
}
