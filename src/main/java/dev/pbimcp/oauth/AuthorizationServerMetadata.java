package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The façade's authorization server metadata (RFC 8414), also at the OpenID discovery path for
 * clients that try that first. The issuer is this server's base URL, which is what clients derive
 * these URLs from; {@code code_challenge_methods_supported} is what Entra's own document lacks.
 */
@Path(".well-known")
@ApplicationScoped
public class AuthorizationServerMetadata {
  private final OAuthSettings settings;

  @Inject
  public AuthorizationServerMetadata(OAuthSettings settings) {
    this.settings = settings;
  }

  /** For RESTEasy and CDI. */
  public AuthorizationServerMetadata() {
    this(null);
  }

  @GET
  @Path("oauth-authorization-server")
  @Produces(MediaType.APPLICATION_JSON)
  public Response oauth(@Context UriInfo uri) {
    return settings.enabled()
        ? Response.ok(document(uri).build().toString()).build()
        : Response.status(404).build();
  }

  @GET
  @Path("openid-configuration")
  @Produces(MediaType.APPLICATION_JSON)
  public Response openid(@Context UriInfo uri) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    // ID tokens, if a client asks for openid, are Entra's: signed with Entra's keys.
    return Response.ok(
            document(uri)
                .add("jwks_uri", settings.auth().upstreamKeys())
                .add("subject_types_supported", Jsonp.createArrayBuilder().add("pairwise"))
                .add(
                    "id_token_signing_alg_values_supported",
                    Jsonp.createArrayBuilder().add("RS256"))
                .build()
                .toString())
        .build();
  }

  private JsonObjectBuilder document(UriInfo uri) {
    String base = settings.auth().baseUrl(uri);
    return Jsonp.createObjectBuilder()
        .add("issuer", base)
        .add("authorization_endpoint", base + "/oauth/authorize")
        .add("token_endpoint", base + "/oauth/token")
        .add("registration_endpoint", base + "/oauth/register")
        .add("response_types_supported", Jsonp.createArrayBuilder().add("code"))
        .add("response_modes_supported", Jsonp.createArrayBuilder().add("query"))
        .add(
            "grant_types_supported",
            Jsonp.createArrayBuilder().add("authorization_code").add("refresh_token"))
        .add("code_challenge_methods_supported", Jsonp.createArrayBuilder().add("S256"))
        .add(
            "token_endpoint_auth_methods_supported",
            Jsonp.createArrayBuilder()
                .add("none")
                .add("client_secret_post")
                .add("client_secret_basic"))
        .add(
            "scopes_supported",
            Jsonp.createArrayBuilder()
                .add(settings.auth().qualifiedScope())
                .add("offline_access")
                .add("openid")
                .add("profile"))
        .add("client_id_metadata_document_supported", true)
        .add("authorization_response_iss_parameter_supported", true);
  }
}
