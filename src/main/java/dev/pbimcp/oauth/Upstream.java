package dev.pbimcp.oauth;

import dev.pbimcp.auth.OutboundTls;
import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Forwards a client's grant to Entra's token endpoint and answers as an OAuth authorization server:
 * Entra's tokens unchanged on success; Entra's errors as RFC 6749 errors otherwise, with {@code
 * invalid_client} as 401 so a client re-registers, and consent or interaction demands as {@code
 * invalid_grant} so a client starts a new sign-in. MSAL4J is not used here on purpose: it keeps
 * refresh tokens to itself, and these grants are the client's, not the server's.
 */
@ApplicationScoped
public class Upstream {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final OAuthSettings settings;
  private final HttpClient http;
  private final SignInFailures failures;

  @Inject
  public Upstream(OAuthSettings settings, OutboundTls tls, SignInFailures failures) {
    this.settings = settings;
    this.http = tls == null ? null : tls.httpClient(TIMEOUT);
    this.failures = failures;
  }

  /** For CDI's proxy. */
  protected Upstream() {
    this(null, null, null);
  }

  Response token(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> Pages.encode(e.getKey()) + "=" + Pages.encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(settings.auth().upstreamTokenEndpoint()))
                  .timeout(TIMEOUT)
                  .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                  .header("Accept", MediaType.APPLICATION_JSON)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return TokenEndpoint.error(
          503, "temporarily_unavailable", "Entra ID could not be reached. Try again shortly.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TokenEndpoint.error(503, "temporarily_unavailable", "Interrupted. Try again.");
    }
    JsonObject json = Jsonp.objectOrEmpty(r.body());
    if (r.statusCode() == 200 && json.containsKey("access_token")) {
      return Response.ok(r.body(), MediaType.APPLICATION_JSON_TYPE)
          .header("Cache-Control", "no-store")
          .header("Pragma", "no-cache")
          .build();
    }
    failures.record(json.getString("error", ""), json.getString("error_description", ""));
    return mapError(r.statusCode(), json);
  }

  static Response mapError(int status, JsonObject json) {
    String error = json.getString("error", "");
    String description = CallbackEndpoint.firstLine(json.getString("error_description", ""));
    if (description.contains("AADSTS9010010")) {
      return TokenEndpoint.error(400, "invalid_target", description);
    }
    return switch (error) {
      case "invalid_client" ->
          TokenEndpoint.error(
              401, "invalid_client", orElse(description, "Client authentication failed."));
      case "invalid_grant", "interaction_required", "consent_required", "login_required" ->
          TokenEndpoint.error(
              400,
              "invalid_grant",
              orElse(description, "The grant is no longer valid: sign in again."));
      case "invalid_request", "unauthorized_client", "unsupported_grant_type", "invalid_scope" ->
          TokenEndpoint.error(400, error, description);
      default ->
          status >= 500 || error.isEmpty()
              ? TokenEndpoint.error(
                  503,
                  "temporarily_unavailable",
                  "Entra ID could not issue a token (HTTP " + status + "). Try again shortly.")
              : TokenEndpoint.error(400, "invalid_request", orElse(description, error));
    };
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
