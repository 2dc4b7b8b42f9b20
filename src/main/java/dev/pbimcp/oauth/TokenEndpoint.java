package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/token}: authorization-code and refresh grants, checked here (client, code binding,
 * redirect URI, PKCE verifier present, resource) and redeemed at Entra with the server's Entra app.
 * The Entra app as a client (Claude's custom client ID/secret) authenticates with its own secret,
 * passed on for Entra to check; public clients are redeemed with the server's secret.
 */
@Path("oauth/token")
@ApplicationScoped
public class TokenEndpoint {
  private final OAuthSettings settings;
  private final Clients clients;
  private final Upstream upstream;

  @Inject
  public TokenEndpoint(OAuthSettings settings, Clients clients, Upstream upstream) {
    this.settings = settings;
    this.clients = clients;
    this.upstream = upstream;
  }

  /** For RESTEasy and CDI. */
  public TokenEndpoint() {
    this(null, null, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      MultivaluedMap<String, String> form,
      @HeaderParam("Authorization") String authorization,
      @Context UriInfo uri) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    String[] basic = basic(authorization);
    String clientId = basic != null ? basic[0] : form.getFirst("client_id");
    String secret = basic != null ? basic[1] : form.getFirst("client_secret");
    if (basic != null
        && form.getFirst("client_id") != null
        && !basic[0].equals(form.getFirst("client_id"))) {
      return error(400, "invalid_request", "client_id differs from the Authorization header.");
    }
    Clients.Result resolved = clients.resolve(clientId);
    if (!resolved.ok()) {
      return error(401, "invalid_client", resolved.refusal());
    }
    Client client = resolved.client();
    if (client.kind() == Client.Kind.APP && (secret == null || secret.isEmpty())) {
      return error(401, "invalid_client", "This client_id needs its client secret.");
    }
    if (!AuthorizeEndpoint.resourceMatches(form.get("resource"), settings.auth().resource(uri))) {
      return error(
          400, "invalid_target", "resource must be " + settings.auth().resource(uri) + ".");
    }
    String upstreamSecret =
        client.kind() == Client.Kind.APP ? secret : settings.clientSecret().orElse(null);
    if (upstreamSecret == null) {
      return error(
          503,
          "temporarily_unavailable",
          "The server has no AZURE_CLIENT_SECRET, so it cannot redeem sign-ins. Tell its operator.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    String grant = form.getFirst("grant_type");
    if ("authorization_code".equals(grant)) {
      Optional<JsonObject> code = settings.sealer().open("code", form.getFirst("code"));
      if (code.isEmpty() || !code.get().getString("cid").equals(client.id())) {
        return error(400, "invalid_grant", "The code is invalid, expired or not this client's.");
      }
      String redirect = form.getFirst("redirect_uri");
      if (redirect != null && !redirect.equals(code.get().getString("ru"))) {
        return error(400, "invalid_grant", "redirect_uri differs from the authorization request.");
      }
      if (form.getFirst("code_verifier") == null) {
        return error(400, "invalid_request", "code_verifier is required (PKCE).");
      }
      out.put("grant_type", "authorization_code");
      out.put("code", code.get().getString("c"));
      out.put("redirect_uri", settings.auth().baseUrl(uri) + "/oauth/callback");
      out.put("code_verifier", form.getFirst("code_verifier"));
      out.put("scope", code.get().getString("sc"));
    } else if ("refresh_token".equals(grant)) {
      String scope =
          Scopes.upstream(
              form.getFirst("scope"), settings.auth().clientId(), settings.auth().scope());
      if (form.getFirst("refresh_token") == null) {
        return error(400, "invalid_request", "refresh_token is required.");
      }
      if (scope == null) {
        return error(400, "invalid_scope", "Only this server's scopes can be requested.");
      }
      out.put("grant_type", "refresh_token");
      out.put("refresh_token", form.getFirst("refresh_token"));
      out.put("scope", scope);
    } else {
      return error(
          400, "unsupported_grant_type", "Supported grants: authorization_code and refresh_token.");
    }
    out.put("client_id", settings.auth().clientId());
    out.put("client_secret", upstreamSecret);
    return upstream.token(out);
  }

  /** The client id and secret of an HTTP Basic header (RFC 6749 §2.3.1 form-encodes both). */
  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      return new String[] {
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Response error(int status, String error, String description) {
    Response.ResponseBuilder r =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header("Cache-Control", "no-store")
            .entity(
                Jsonp.createObjectBuilder()
                    .add("error", error)
                    .add("error_description", description)
                    .build()
                    .toString());
    if (status == 401) {
      r.header("WWW-Authenticate", "Basic realm=\"pbimcp\"");
    }
    return r.build();
  }
}
