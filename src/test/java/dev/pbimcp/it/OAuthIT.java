package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.entra.EntraStandIn;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth façade over real HTTP, between a server configured like a customer's (AZURE_TENANT_ID,
 * AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) and the Entra stand-in: metadata, Claude's custom-client
 * path step by step, and every refusal a client or an attacker can provoke.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthIT {
  static final String CLIENT = "6e0c6f4d-1c1b-4a43-9d2e-3b8f0a2d9c11";
  static final String SECRET = "api-secret-value-1234";
  static final String CLAUDE = "https://claude.ai/api/mcp/auth_callback";

  private static EntraStandIn entra;
  private static ExtraServer server;
  private static String base;
  private static HttpClient http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  @BeforeAll
  static void start() throws Exception {
    entra = new EntraStandIn(CLIENT, SECRET);
    int port = Ports.third();
    base = "http://127.0.0.1:" + port;
    entra.redirectUris.add(base + "/oauth/callback");
    server =
        new ExtraServer(
                "pbimcp-oauth",
                port,
                "oauth-test-session-key-0123456789abcdef",
                settings(entra, port))
            .start();
    http =
        HttpClient.newBuilder()
            .sslContext(entra.tlsContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A customer's settings, pointed at the stand-in. */
  static Map<String, String> settings(EntraStandIn entra, int port) {
    Map<String, String> s = new HashMap<>();
    s.put("AZURE_TENANT_ID", EntraStandIn.TENANT);
    s.put("AZURE_CLIENT_ID", CLIENT);
    s.put("AZURE_CLIENT_SECRET", SECRET);
    s.put("mp.jwt.verify.publickey.location", entra.jwksUrl());
    s.put("pbimcp.entra.authority", entra.authority());
    s.put("pbimcp.entra.truststore", entra.keystore().toString());
    s.put("pbimcp.jwt.clock-skew", "0s");
    s.put("pbimcp.oauth.metadata-documents-on-private-addresses", "true");
    s.put("pbimcp.emulator.enabled", "true");
    s.put("pbimcp.powerbi.base-url", "http://127.0.0.1:" + port + "/emulator/v1.0/myorg");
    return s;
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (entra != null) {
      entra.close();
    }
  }

  @Test
  void metadataNamesTheFacadeWithPkce() throws Exception {
    for (String path :
        new String[] {
          "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"
        }) {
      JsonObject m = McpHttp.parse(get(base + path).body());
      assertEquals(base, m.getString("issuer"), path);
      assertEquals(base + "/oauth/authorize", m.getString("authorization_endpoint"));
      assertEquals(base + "/oauth/token", m.getString("token_endpoint"));
      assertEquals(base + "/oauth/register", m.getString("registration_endpoint"));
      assertEquals("S256", m.getJsonArray("code_challenge_methods_supported").getString(0));
      assertTrue(m.getBoolean("client_id_metadata_document_supported"));
      assertTrue(m.getBoolean("authorization_response_iss_parameter_supported"));
    }
    JsonObject prm = McpHttp.parse(get(base + "/.well-known/oauth-protected-resource/mcp").body());
    assertEquals(base, prm.getJsonArray("authorization_servers").getString(0));
    assertEquals(base + "/mcp", prm.getString("resource"));
  }

  /** Claude's custom client ID/secret, with resource sent as Claude sends it. */
  @Test
  void claudesCustomClientSignsInRefreshesAndCallsTools() throws Exception {
    String verifier = "verifier-" + "x".repeat(50);
    HttpResponse<String> authorize =
        get(
            authorizeUrl(
                CLIENT,
                CLAUDE,
                challenge(verifier),
                base + "/mcp",
                "api://" + CLIENT + "/user_impersonation",
                "claude-state"));
    assertEquals(303, authorize.statusCode(), authorize.body());
    String toEntra = location(authorize);
    assertTrue(
        toEntra.startsWith(entra.authority().replace("/v2.0", "") + "/oauth2/v2.0/authorize"));
    Map<String, String> up = query(toEntra);
    assertFalse(up.containsKey("resource"), "resource is dropped: Entra refuses it");
    assertEquals(CLIENT, up.get("client_id"));
    assertEquals(base + "/oauth/callback", up.get("redirect_uri"));
    for (String s :
        new String[] {
          "api://" + CLIENT + "/user_impersonation", "offline_access", "openid", "profile"
        }) {
      assertTrue((" " + up.get("scope") + " ").contains(" " + s + " "), up.get("scope"));
    }
    assertEquals(challenge(verifier), up.get("code_challenge"));
    assertFalse(up.get("state").contains("claude-state"), "the client's state travels sealed");

    String toCallback = location(get(toEntra));
    assertTrue(toCallback.startsWith(base + "/oauth/callback?"), toCallback);
    String toClaude = location(get(toCallback));
    assertTrue(toClaude.startsWith(CLAUDE + "?"), toClaude);
    Map<String, String> back = query(toClaude);
    assertEquals("claude-state", back.get("state"));
    assertEquals(base, back.get("iss"));
    String code = back.get("code");

    HttpResponse<String> wrongSecret =
        token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "code_verifier",
                verifier,
                "redirect_uri",
                CLAUDE,
                "client_id",
                CLIENT,
                "client_secret",
                "wrong"));
    assertEquals(401, wrongSecret.statusCode(), "Entra's invalid_client makes Claude re-register");
    assertEquals("invalid_client", McpHttp.parse(wrongSecret.body()).getString("error"));

    HttpResponse<String> tokens =
        token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "code_verifier",
                verifier,
                "redirect_uri",
                CLAUDE,
                "client_id",
                CLIENT,
                "client_secret",
                SECRET,
                "resource",
                base + "/mcp"));
    // Entra refused the client before looking at the code, so the code is still good.
    assertEquals(200, tokens.statusCode(), tokens.body());
    JsonObject t = McpHttp.parse(tokens.body());
    assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
    String access = t.getString("access_token");
    assertTrue(access.startsWith("eyJ"), "Entra's token, unchanged");
    assertNotNull(t.getString("refresh_token"));
    assertEquals(200, mcpInitialize(access).statusCode(), "the token opens /mcp");

    HttpResponse<String> again =
        token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "code_verifier",
                verifier,
                "redirect_uri",
                CLAUDE,
                "client_id",
                CLIENT,
                "client_secret",
                SECRET));
    assertEquals(400, again.statusCode());
    assertEquals("invalid_grant", McpHttp.parse(again.body()).getString("error"));

    HttpResponse<String> refreshed =
        token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                t.getString("refresh_token"),
                "client_id",
                CLIENT,
                "client_secret",
                SECRET,
                "resource",
                base + "/mcp"));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    String rotated = McpHttp.parse(refreshed.body()).getString("refresh_token");
    assertFalse(rotated.equals(t.getString("refresh_token")));
    assertEquals(
        200, mcpInitialize(McpHttp.parse(refreshed.body()).getString("access_token")).statusCode());
    HttpResponse<String> spent =
        token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                t.getString("refresh_token"),
                "client_id",
                CLIENT,
                "client_secret",
                SECRET));
    assertEquals("invalid_grant", McpHttp.parse(spent.body()).getString("error"));
  }

  @Test
  void unsafeRequestsAreRefusedWithTheRightOAuthError() throws Exception {
    String c = challenge("v".repeat(60));
    HttpResponse<String> evil =
        get(authorizeUrl(CLIENT, "https://evil.example/cb", c, null, null, "s"));
    assertEquals(400, evil.statusCode(), "an unlisted redirect gets an error page");
    assertTrue(evil.headers().firstValue("Location").isEmpty(), "and never a redirect");

    Map<String, String> noPkce =
        query(location(get(authorizeUrl(CLIENT, CLAUDE, null, null, null, "s1"))));
    assertEquals("invalid_request", noPkce.get("error"));
    assertEquals("s1", noPkce.get("state"));
    assertEquals(base, noPkce.get("iss"));

    Map<String, String> otherResource =
        query(
            location(
                get(authorizeUrl(CLIENT, CLAUDE, c, "https://other.example/mcp", null, "s2"))));
    assertEquals("invalid_target", otherResource.get("error"));

    Map<String, String> foreignScope =
        query(
            location(
                get(
                    authorizeUrl(
                        CLIENT, CLAUDE, c, null, "https://graph.microsoft.com/Mail.Read", "s3"))));
    assertEquals("invalid_scope", foreignScope.get("error"));

    HttpResponse<String> tampered =
        get(
            base
                + "/oauth/callback?code=abc&state="
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(400, tampered.statusCode());
    assertTrue(tampered.body().contains("Start the sign-in again"), tampered.body());
    String realState =
        query(location(get(authorizeUrl(CLIENT, CLAUDE, c, null, null, "s4")))).get("state");
    String flipped =
        realState.substring(0, 20)
            + (realState.charAt(20) == 'A' ? 'B' : 'A')
            + realState.substring(21);
    assertEquals(400, get(base + "/oauth/callback?code=abc&state=" + flipped).statusCode());

    HttpResponse<String> register =
        post(
            base + "/oauth/register",
            "application/json",
            "{\"client_name\":\"x\",\"redirect_uris\":[\"https://evil.example/cb\"]}");
    assertEquals(400, register.statusCode());
    assertEquals("invalid_redirect_uri", McpHttp.parse(register.body()).getString("error"));

    HttpResponse<String> forged =
        token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                "not-a-code",
                "code_verifier",
                "v",
                "client_id",
                CLIENT,
                "client_secret",
                SECRET));
    assertEquals("invalid_grant", McpHttp.parse(forged.body()).getString("error"));
    HttpResponse<String> noSecret =
        token(Map.of("grant_type", "refresh_token", "refresh_token", "r", "client_id", CLIENT));
    assertEquals(401, noSecret.statusCode());
    HttpResponse<String> unknown =
        token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                "r",
                "client_id",
                "mcp-client.forged"));
    assertEquals(401, unknown.statusCode());
    assertEquals("invalid_client", McpHttp.parse(unknown.body()).getString("error"));
  }

  /** A registered client sending codes to loopback passes our consent page, bound to a cookie. */
  @Test
  void dynamicClientsGetAConsentPageThatAForgedPostCannotPass() throws Exception {
    JsonObject reg =
        McpHttp.parse(
            post(
                    base + "/oauth/register",
                    "application/json",
                    "{\"client_name\":\"<b>Tool</b>\",\"redirect_uris\":[\"http://127.0.0.1:5555/cb\"]}")
                .body());
    String id = reg.getString("client_id");
    assertEquals("none", reg.getString("token_endpoint_auth_method"));
    HttpResponse<String> page =
        get(
            authorizeUrl(
                id,
                "http://127.0.0.1:5555/cb",
                challenge("w".repeat(60)),
                base + "/mcp",
                null,
                "st"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("&lt;b&gt;Tool&lt;/b&gt;"), "names are escaped");
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String sealed = page.body().replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
    String form =
        "request=" + URLEncoder.encode(sealed, StandardCharsets.UTF_8) + "&decision=allow";
    assertEquals(
        400,
        post(base + "/oauth/consent", "application/x-www-form-urlencoded", form).statusCode(),
        "no cookie: a cross-site post");
    HttpResponse<String> allowed =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, allowed.statusCode());
    assertTrue(location(allowed).contains("/oauth2/v2.0/authorize?"));
    HttpResponse<String> denied =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("allow", "deny")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("access_denied", query(location(denied)).get("error"));
  }

  @Test
  void noTokenSecretOrCodeReachesTheLog() throws Exception {
    claudesCustomClientSignsInRefreshesAndCallsTools();
    Path logs =
        Path.of(
            System.getProperty("wlp.home", "target/liberty/wlp"), "usr/servers/pbimcp-oauth/logs");
    try (var files = Files.walk(logs)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("eyJ"), f + " holds a token");
        assertFalse(text.contains(SECRET), f + " holds the client secret");
        assertFalse(text.matches("(?s).*code-[0-9a-f]{8}-.*"), f + " holds an authorization code");
        assertFalse(text.matches("(?s).*refresh-[0-9a-f]{8}-.*"), f + " holds a refresh token");
      }
    }
  }

  static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String authorizeUrl(
      String client,
      String redirect,
      String challenge,
      String resource,
      String scope,
      String state) {
    StringBuilder b = new StringBuilder(base + "/oauth/authorize?response_type=code");
    add(b, "client_id", client);
    add(b, "redirect_uri", redirect);
    add(b, "code_challenge", challenge);
    add(b, "code_challenge_method", challenge == null ? null : "S256");
    add(b, "resource", resource);
    add(b, "scope", scope);
    add(b, "state", state);
    return b.toString();
  }

  private static void add(StringBuilder b, String k, String v) {
    if (v != null) {
      b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
  }

  private static String location(HttpResponse<String> r) {
    return r.headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError(r.statusCode() + " without Location: " + r.body()));
  }

  static Map<String, String> query(String url) {
    Map<String, String> q = new HashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> token(Map<String, String> form) throws Exception {
    StringBuilder b = new StringBuilder();
    form.forEach((k, v) -> add(b, k, v));
    return post(base + "/oauth/token", "application/x-www-form-urlencoded", b.substring(1));
  }

  private static HttpResponse<String> mcpInitialize(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                        + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"oauth-it\",\"version\":\"1\"}}}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
