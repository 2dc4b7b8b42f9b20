package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/callback}, the redirect URI registered in Entra: opens the sealed state and sends
 * the browser on to the client with a code of ours (Entra's code sealed with the client and
 * redirect URI it was issued for, so only that client can redeem it), the client's state and our
 * issuer (RFC 9207).
 */
@Path("oauth/callback")
@ApplicationScoped
public class CallbackEndpoint {
  private static final long CODE_SECONDS = 600;

  private final OAuthSettings settings;
  private final SignInFailures failures;

  @Inject
  public CallbackEndpoint(OAuthSettings settings, SignInFailures failures) {
    this.settings = settings;
    this.failures = failures;
  }

  /** For RESTEasy and CDI. */
  public CallbackEndpoint() {
    this(null, null);
  }

  @GET
  public Response callback(
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @QueryParam("error") String error,
      @QueryParam("error_description") String description,
      @Context UriInfo uri) {
    if (!settings.enabled()) {
      return Response.status(404).build();
    }
    Optional<JsonObject> opened = settings.sealer().open("state", state);
    if (opened.isEmpty()) {
      return Pages.error(
          400,
          "Sign-in expired",
          "This sign-in took longer than 10 minutes or its link was altered. Start the sign-in"
              + " again from your MCP client.");
    }
    JsonObject s = opened.get();
    String issuer = settings.auth().baseUrl(uri);
    if (error != null || code == null) {
      failures.record(error, description);
      return AuthorizeEndpoint.clientError(
          s.getString("ru"),
          error == null ? "server_error" : error,
          description == null ? "Entra ID returned no code." : firstLine(description),
          s.getString("st", null),
          issuer);
    }
    String ours =
        settings
            .sealer()
            .seal(
                "code",
                Jsonp.createObjectBuilder()
                    .add("c", code)
                    .add("cid", s.getString("cid"))
                    .add("ru", s.getString("ru"))
                    .add("sc", s.getString("sc")),
                CODE_SECONDS);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", ours);
    params.put("state", s.getString("st", null));
    params.put("iss", issuer);
    return Pages.redirect(s.getString("ru"), params, 303);
  }

  /** Entra's descriptions end in trace and correlation ids: useful in logs, noise to a client. */
  static String firstLine(String description) {
    int end = description.indexOf('\r');
    int nl = description.indexOf('\n');
    if (end < 0 || (nl >= 0 && nl < end)) {
      end = nl;
    }
    return end < 0 ? description : description.substring(0, end);
  }
}
