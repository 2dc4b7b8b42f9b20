package dev.pbimcp.entra;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entra's token endpoint: client credentials, On-Behalf-Of ({@code jwt-bearer}), authorization code
 * (single use, redirect URI and PKCE verifier checked) and refresh (rotating: a used refresh token
 * is spent). Web-platform apps must authenticate with their secret (AADSTS7000218).
 */
public final class EntraGrants {
  private record Code(String redirect, String scope, String challenge, Instant expires) {}

  private final EntraStandIn entra;
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

  public final AtomicInteger tokenRequests = new AtomicInteger();
  public final AtomicInteger refreshes = new AtomicInteger();
  public volatile Map<String, String> lastForm = Map.of();

  /** Every code and token handed out, so a test can check that none of them reaches a log. */
  public final List<String> issued = new CopyOnWriteArrayList<>();

  /**
   * The access token shape: "2.0" (the API app asks for v2 tokens) or "1.0" (issuer
   * sts.windows.net, audience the App ID URI, as Entra issues when the app was left at v1).
   */
  public volatile String tokenVersion = "2.0";

  /** Lifetime of issued access tokens; short in tests that watch a client refresh. */
  public volatile int accessTokenSeconds = 3600;

  EntraGrants(EntraStandIn entra) {
    this.entra = entra;
  }

  String issueCode(String redirect, String scope, String challenge, String method) {
    String code = "code-" + UUID.randomUUID();
    issued.add(code);
    codes.put(
        code,
        new Code(
            redirect,
            scope,
            "S256".equals(method) ? challenge : null,
            Instant.now().plusSeconds(600)));
    return code;
  }

  /** How long each token request takes to answer: long in tests of callers asking at once. */
  public volatile int tokenDelayMillis;

  void token(HttpExchange x) throws IOException {
    tokenRequests.incrementAndGet();
    if (tokenDelayMillis > 0) {
      try {
        Thread.sleep(tokenDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<String, String> form =
        EntraStandIn.form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    lastForm = form;
    if (form.get("client_secret") == null) {
      error(
          x,
          401,
          "invalid_client",
          "AADSTS7000218: The request body must contain the following"
              + " parameter: 'client_assertion' or 'client_secret'.");
      return;
    }
    if (!entra.clientId.equals(form.get("client_id"))
        || !entra.secret.equals(form.get("client_secret"))) {
      error(x, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
      return;
    }
    switch (form.getOrDefault("grant_type", "")) {
      case "client_credentials" -> clientCredentials(x, form);
      case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> onBehalfOf(x, form);
      case "authorization_code" -> code(x, form);
      case "refresh_token" -> refresh(x, form);
      default -> error(x, 400, "unsupported_grant_type", "AADSTS70003: unsupported grant type.");
    }
  }

  /**
   * An app-only token: for this API's own scope a JWT with app roles and no {@code scp}, as Entra
   * issues them; for any other resource (Power BI) an opaque token.
   */
  private void clientCredentials(HttpExchange x, Map<String, String> form) throws IOException {
    if (form.getOrDefault("scope", "").startsWith("api://" + entra.clientId + "/")) {
      String token =
          entra.keys.sign(
              shaped(user(Instant.now(), accessTokenSeconds))
                  .subject("app-" + entra.clientId)
                  .claim("oid", "app-object-id")
                  .claim("tid", EntraStandIn.TENANT)
                  .claim("idtyp", "app")
                  .claim("roles", List.of("Reader"))
                  .build());
      issued.add(token);
      ok(x, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}");
      return;
    }
    ok(
        x,
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"sp-token-"
            + tokenRequests.get()
            + "\"}");
  }

  /** On-Behalf-Of: the user's assertion becomes a Power BI token; "needs-consent" is refused. */
  private void onBehalfOf(HttpExchange x, Map<String, String> form) throws IOException {
    String assertion = form.getOrDefault("assertion", "");
    if (!"on_behalf_of".equals(form.get("requested_token_use"))) {
      error(x, 400, "invalid_request", "AADSTS50027: requested_token_use must be on_behalf_of.");
    } else if (assertion.equals("needs-consent")) {
      error(
          x,
          400,
          "invalid_grant",
          "AADSTS65001: The user or administrator has not consented to use the application.");
    } else {
      issued.add("obo-for-" + assertion);
      ok(
          x,
          "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"obo-for-"
              + assertion
              + "\"}");
    }
  }

  private void code(HttpExchange x, Map<String, String> form) throws IOException {
    Code c = codes.remove(form.getOrDefault("code", ""));
    if (c == null || c.expires().isBefore(Instant.now())) {
      error(
          x,
          400,
          "invalid_grant",
          "AADSTS70008: The provided authorization code or refresh"
              + " token has expired or was already redeemed.");
    } else if (!c.redirect().equals(form.get("redirect_uri"))) {
      error(
          x,
          400,
          "invalid_grant",
          "AADSTS500112: The reply address does not match the reply"
              + " address of the authorization request.");
    } else if (c.challenge() != null && !c.challenge().equals(s256(form.get("code_verifier")))) {
      error(
          x,
          400,
          "invalid_grant",
          "AADSTS501481: The Code_Verifier does not match the"
              + " code_challenge supplied in the authorization request.");
    } else {
      issue(x, c.scope());
    }
  }

  private void refresh(HttpExchange x, Map<String, String> form) throws IOException {
    String scope = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
    if (scope == null) {
      error(
          x,
          400,
          "invalid_grant",
          "AADSTS700082: The refresh token has expired or was" + " revoked.");
      return;
    }
    refreshes.incrementAndGet();
    issue(x, scope);
  }

  private void issue(HttpExchange x, String scope) throws IOException {
    Instant now = Instant.now();
    String apiScopes =
        String.join(
            " ",
            java.util.Arrays.stream(scope.split(" "))
                .filter(s -> s.startsWith("api://" + entra.clientId + "/"))
                .map(s -> s.substring(("api://" + entra.clientId + "/").length()))
                .toList());
    String access =
        entra.keys.sign(
            shaped(user(now, accessTokenSeconds))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .claim("oid", "0b1c2d3e-aaaa-bbbb-cccc-111122223333")
                .claim("tid", EntraStandIn.TENANT)
                .claim("name", "Test User")
                .claim("preferred_username", "test.user@contoso.example")
                .claim("scp", apiScopes)
                .build());
    issued.add(access);
    StringBuilder b =
        new StringBuilder("{\"token_type\":\"Bearer\",\"scope\":\"")
            .append(
                String.join(
                    " ",
                    java.util.Arrays.stream(scope.split(" "))
                        .filter(s -> s.startsWith("api://"))
                        .toList()))
            .append("\",\"expires_in\":")
            .append(accessTokenSeconds)
            .append(",\"ext_expires_in\":")
            .append(accessTokenSeconds)
            .append(",\"access_token\":\"")
            .append(access)
            .append('"');
    if (scope.contains("offline_access")) {
      String refresh = "refresh-" + UUID.randomUUID();
      refreshTokens.put(refresh, scope);
      issued.add(refresh);
      b.append(",\"refresh_token\":\"").append(refresh).append('"');
    }
    if (scope.contains("openid")) {
      b.append(",\"id_token\":\"")
          .append(entra.keys.sign(user(now, 3600).claim("name", "Test User").build()))
          .append('"');
    }
    ok(x, b.append('}').toString());
  }

  /**
   * What every token of the test user has: the authority as issuer, this app as audience, lifetime.
   */
  private JWTClaimsSet.Builder user(Instant now, int seconds) {
    return new JWTClaimsSet.Builder()
        .issuer(entra.authority())
        .audience(entra.clientId)
        .subject("user-subject")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(seconds)));
  }

  private JWTClaimsSet.Builder shaped(JWTClaimsSet.Builder claims) {
    if ("1.0".equals(tokenVersion)) {
      return claims
          .issuer("https://sts.windows.net/" + EntraStandIn.TENANT + "/")
          .audience("api://" + entra.clientId)
          .claim("appid", entra.clientId)
          .claim("ver", "1.0");
    }
    return claims.claim("azp", entra.clientId).claim("ver", "2.0");
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return "";
    }
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ok(HttpExchange x, String json) throws IOException {
    EntraStandIn.send(x, 200, "application/json", json);
  }

  private static void error(HttpExchange x, int status, String error, String description)
      throws IOException {
    EntraStandIn.send(
        x,
        status,
        "application/json",
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description
            + "\\r\\nTrace ID: 00000000-0000-0000-0000-000000000000\",\"error_codes\":["
            + description.substring(6, description.indexOf(':'))
            + "]}");
  }
}
