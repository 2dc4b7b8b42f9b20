package dev.pbimcp.emulator;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user a bearer token names. The emulator trusts what it is given (the gateway already
 * validated the caller); it reads the claims Entra puts the user's sign-in name in.
 */
final class TokenClaims {
  private TokenClaims() {}

  static String userName(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String[] parts = authorization.substring(7).trim().split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      JsonObject claims = Jsonp.createReader(new StringReader(json)).readObject();
      for (String claim : new String[] {"upn", "preferred_username", "unique_name", "email"}) {
        if (claims.get(claim) instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
          return s.getString();
        }
      }
      return null;
    } catch (RuntimeException notAJwt) {
      return null;
    }
  }
}
