package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * {@code /oauth/register}: RFC 7591 dynamic registration of public clients (no secret is ever
 * issued: codes are redeemed with PKCE), admitted only with redirect URIs the policy allows.
 */
@Path("oauth/register")
@ApplicationScoped
public class RegisterEndpoint {
  private static final int MAX_BODY = 16 * 1024;

  private final OAuthSettings settings;
  private final Clients clients;

  @Inject
  public RegisterEndpoint(OAuthSettings settings, Clients clients) {
    this.settings = settings;
    this.clients = clients;
  }

  /** For RESTEasy and CDI. */
  public RegisterEndpoint() {
    this(null, null);
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response register(String body) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    if (body == null || body.length() > MAX_BODY) {
      return TokenEndpoint.error(
          400, "invalid_client_metadata", "Send the client metadata as a JSON object.");
    }
    JsonObject metadata;
    try {
      JsonValue v = Jsonp.createReader(new StringReader(body)).readValue();
      if (!(v instanceof JsonObject o)) {
        return TokenEndpoint.error(
            400, "invalid_client_metadata", "The client metadata must be a JSON object.");
      }
      metadata = o;
    } catch (JsonException e) {
      return TokenEndpoint.error(
          400, "invalid_client_metadata", "The client metadata is not valid JSON.");
    }
    JsonValue uris = metadata.get("redirect_uris");
    if (uris == null
        || uris.getValueType() != JsonValue.ValueType.ARRAY
        || uris.asJsonArray().isEmpty()) {
      return TokenEndpoint.error(
          400, "invalid_redirect_uri", "redirect_uris must list at least one URI.");
    }
    List<String> redirects =
        uris.asJsonArray().stream()
            .map(u -> u instanceof JsonString s ? s.getString() : "")
            .toList();
    RedirectPolicy policy = settings.redirects();
    for (String r : redirects) {
      if (!policy.allowed(r)) {
        return TokenEndpoint.error(
            400,
            "invalid_redirect_uri",
            "Redirect URI not allowed: "
                + r
                + ". Allowed: Claude's callbacks, http loopback addresses and the operator's"
                + " PBIMCP_OAUTH_REDIRECT_URIS.");
      }
    }
    String name = metadata.getString("client_name", "an unnamed client");
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    JsonArrayBuilder registered = Jsonp.createArrayBuilder();
    redirects.forEach(registered::add);
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(
            Jsonp.createObjectBuilder()
                .add("client_id", clients.register(name, redirects))
                .add("client_id_issued_at", Instant.now().getEpochSecond())
                .add("client_name", name)
                .add("redirect_uris", registered)
                .add(
                    "grant_types",
                    Jsonp.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("response_types", Jsonp.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", "none")
                .build()
                .toString())
        .build();
  }
}
