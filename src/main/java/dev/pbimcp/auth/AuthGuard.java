package dev.pbimcp.auth;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * With Entra sign-in, every MCP request needs a valid access token (MicroProfile JWT checks
 * signature, issuer, audience and expiry) that carries the delegated scope: no token → 401, a token
 * without the scope (app-only tokens have none) → 403 {@code insufficient_scope}. Every 401 on an
 * MCP path carries our {@code WWW-Authenticate} challenge, Liberty's own replaced.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@Unproxied
public class AuthGuard implements ContainerRequestFilter, ContainerResponseFilter {

  private final AuthSettings settings;

  @Inject
  public AuthGuard(AuthSettings settings) {
    this.settings = settings;
  }

  /** For RESTEasy and CDI. */
  public AuthGuard() {
    this(null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (settings.mode() != AuthSettings.Mode.ENTRA || !guarded(request)) {
      return;
    }
    Principal p = request.getSecurityContext().getUserPrincipal();
    if (!(p instanceof JsonWebToken jwt)) {
      request.abortWith(
          refusal(
              request, 401, null, "Sign in with Entra ID: send an access token for this server."));
      return;
    }
    Object scp = jwt.getClaim("scp");
    boolean hasScope =
        scp != null
            && Arrays.asList(scp.toString().trim().split("\\s+")).contains(settings.scope());
    if (!hasScope) {
      request.abortWith(
          refusal(
              request,
              403,
              "insufficient_scope",
              scp == null
                  ? "App-only tokens cannot be used: sign in as a user."
                  : "The token lacks the scope " + settings.qualifiedScope() + "."));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (settings.mode() == AuthSettings.Mode.ENTRA
        && response.getStatus() == 401
        && guarded(request)) {
      boolean hadToken = request.getHeaderString("Authorization") != null;
      response
          .getHeaders()
          .putSingle(
              "WWW-Authenticate",
              Challenges.header(
                  settings, request.getUriInfo(), hadToken ? "invalid_token" : null, null));
    }
  }

  private Response refusal(
      ContainerRequestContext request, int status, String error, String message) {
    var body =
        Jsonp.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .addNull("id")
            .add("error", Jsonp.createObjectBuilder().add("code", -32000).add("message", message))
            .build();
    Response.ResponseBuilder r =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString());
    if (error != null) {
      // A 403 names the metadata like every 401, so the client can step up its consent there.
      r.header("WWW-Authenticate", Challenges.header(settings, request.getUriInfo(), error, null));
    }
    return r.build();
  }

  private static boolean guarded(ContainerRequestContext request) {
    return McpPaths.covers(request.getUriInfo().getPath());
  }
}
