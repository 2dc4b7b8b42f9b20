package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/authorize}: checks the request as an OAuth 2.1 authorization server must (client,
 * redirect URI, PKCE S256, RFC 8707 resource), then sends the browser to Entra ID with what Entra
 * accepts: no {@code resource}, scopes mapped, our callback as redirect URI, and the client's
 * redirect, state and identity sealed into Entra's {@code state}. Dynamic clients sending codes
 * anywhere but Claude first pass the consent page ({@code /oauth/consent}).
 */
@Path("oauth")
@ApplicationScoped
public class AuthorizeEndpoint {
  static final String CONSENT_COOKIE = "pbimcp_consent";
  private static final long FLOW_SECONDS = 600;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OAuthSettings settings;
  private final Clients clients;

  @Inject
  public AuthorizeEndpoint(OAuthSettings settings, Clients clients) {
    this.settings = settings;
    this.clients = clients;
  }

  /** For RESTEasy and CDI. */
  public AuthorizeEndpoint() {
    this(null, null);
  }

  @GET
  @Path("authorize")
  public Response authorize(@Context UriInfo uri) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    Clients.Result resolved = clients.resolve(q.getFirst("client_id"));
    if (!resolved.ok()) {
      return Pages.error(400, "Unknown client", resolved.refusal());
    }
    Client client = resolved.client();
    String redirect = q.getFirst("redirect_uri");
    if (redirect == null && client.redirectUris().size() == 1) {
      redirect = client.redirectUris().get(0);
    }
    if (redirect == null || !client.accepts(redirect, settings.redirects())) {
      // Never redirect to an unvetted URI: that is how codes get stolen (RFC 6749 §4.1.2.1).
      return Pages.error(
          400,
          "Redirect URI not allowed",
          "This server only sends sign-ins to Claude's callbacks, loopback addresses, the redirect"
              + " URIs its operator configured (PBIMCP_OAUTH_REDIRECT_URIS), and only those the"
              + " client registered. Got: "
              + redirect);
    }
    String state = q.getFirst("state");
    String issuer = settings.auth().baseUrl(uri);
    String refusal = null;
    String error = "invalid_request";
    if (!"code".equals(q.getFirst("response_type"))) {
      error = "unsupported_response_type";
      refusal = "Only response_type=code is supported.";
    } else if (q.getFirst("code_challenge") == null || q.getFirst("code_challenge").isBlank()) {
      refusal = "PKCE is required: send code_challenge with code_challenge_method=S256.";
    } else if (!"S256".equals(q.getFirst("code_challenge_method"))) {
      refusal = "Only code_challenge_method=S256 is supported.";
    } else if (!resourceMatches(q.get("resource"), settings.auth().resource(uri))) {
      error = "invalid_target";
      refusal = "resource must be " + settings.auth().resource(uri) + ", this server's MCP URL.";
    }
    String scope =
        Scopes.upstream(q.getFirst("scope"), settings.auth().clientId(), settings.auth().scope());
    if (refusal == null && scope == null) {
      error = "invalid_scope";
      refusal = "Only this server's scopes can be requested: " + settings.auth().qualifiedScope();
    }
    if (refusal != null) {
      return clientError(redirect, error, refusal, state, issuer);
    }
    var pending =
        Jsonp.createObjectBuilder()
            .add("cid", client.id())
            .add("ru", redirect)
            .add("cc", q.getFirst("code_challenge"))
            .add("sc", scope);
    if (state != null) {
      pending.add("st", state);
    }
    if (client.needsConsent(redirect)) {
      String nonce = nonce();
      String sealed = settings.sealer().seal("consent", pending.add("n", nonce), FLOW_SECONDS);
      return Pages.consent(client, redirect, sealed, nonce, issuer.startsWith("https:"));
    }
    return upstream(pending.build(), uri);
  }

  @POST
  @Path("consent")
  public Response consent(
      @FormParam("request") String request,
      @FormParam("decision") String decision,
      @CookieParam(CONSENT_COOKIE) String nonce,
      @Context UriInfo uri) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    Optional<JsonObject> pending = settings.sealer().open("consent", request);
    if (pending.isEmpty() || nonce == null || !nonce.equals(pending.get().getString("n", ""))) {
      // The cookie proves this browser was shown the page: a forged form post has no cookie.
      return Pages.error(
          400,
          "Sign-in expired",
          "This consent page expired or was not opened in this browser. Start the sign-in again"
              + " from your MCP client.");
    }
    JsonObject p = pending.get();
    if (!"allow".equals(decision)) {
      return clientError(
          p.getString("ru"),
          "access_denied",
          "The user denied access.",
          p.getString("st", null),
          settings.auth().baseUrl(uri));
    }
    return upstream(p, uri);
  }

  /** The redirect to Entra ID, with everything we must get back sealed into its state. */
  private Response upstream(JsonObject pending, UriInfo uri) {
    var carried =
        Jsonp.createObjectBuilder()
            .add("cid", pending.getString("cid"))
            .add("ru", pending.getString("ru"))
            .add("sc", pending.getString("sc"));
    if (pending.containsKey("st")) {
      carried.add("st", pending.getString("st"));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", settings.auth().clientId());
    params.put("response_type", "code");
    params.put("response_mode", "query");
    params.put("redirect_uri", settings.auth().baseUrl(uri) + "/oauth/callback");
    params.put("scope", pending.getString("sc"));
    params.put("state", settings.sealer().seal("state", carried, FLOW_SECONDS));
    params.put("code_challenge", pending.getString("cc"));
    params.put("code_challenge_method", "S256");
    return Pages.redirect(settings.auth().upstreamAuthorizeEndpoint(), params, 303);
  }

  static Response clientError(
      String redirect, String error, String description, String state, String issuer) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    params.put("state", state);
    params.put("iss", issuer);
    return Pages.redirect(redirect, params, 303);
  }

  /** RFC 8707: absent is fine (older clients); present must name this server's MCP endpoint. */
  static boolean resourceMatches(List<String> resources, String canonical) {
    if (resources == null) {
      return true;
    }
    return resources.stream().allMatch(r -> r.replaceAll("/+$", "").equals(canonical));
  }

  private static String nonce() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
