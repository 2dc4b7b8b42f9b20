package dev.pbimcp.auth;

import jakarta.ws.rs.core.UriInfo;

/** The RFC 9728 / RFC 6750 pieces every refusal carries, so clients know where to sign in. */
final class Challenges {
  private Challenges() {}

  static String metadataUrl(AuthSettings settings, UriInfo uri) {
    return settings.baseUrl(uri) + "/.well-known/oauth-protected-resource/mcp";
  }

  static String header(AuthSettings settings, UriInfo uri, String error, String description) {
    StringBuilder b =
        new StringBuilder("Bearer resource_metadata=\"")
            .append(metadataUrl(settings, uri))
            .append('"');
    b.append(", scope=\"").append(settings.qualifiedScope()).append('"');
    if (error != null) {
      b.append(", error=\"").append(error).append('"');
    }
    if (description != null) {
      b.append(", error_description=\"").append(description.replace("\"", "'")).append('"');
    }
    return b.toString();
  }
}
