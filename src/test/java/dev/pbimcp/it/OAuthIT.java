package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth façade over real HTTP, between a server configured like a customer's (AZURE_TENANT_ID,
 * AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) and the Entra stand-in: metadata, Claude's custom-client
 * path step by step, and every refusal a client or an attacker can provoke.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthIT extends OAuthTestBase {
  private static final List<String> facadeCodes = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void metadataNamesTheFacadeWithPkce() throws Exception {
    for (String path :
        new String[] {
          "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"
        }) {
      JsonObject m = McpHttp.parse(rig.get(base + path).body());
      assertEquals(base, m.getString("issuer"), path);
      assertEquals(base + "/oauth/authorize", m.getString("authorization_endpoint"));
      assertEquals(base + "/oauth/token", m.getString("token_endpoint"));
      assertEquals(base + "/oauth/register", m.getString("registration_endpoint"));
      assertEquals("S256", m.getJsonArray("code_challenge_methods_supported").getString(0));
      assertTrue(m.getBoolean("client_id_metadata_document_supported"));
      assertTrue(m.getBoolean("authorization_response_iss_parameter_supported"));
    }
    JsonObject prm =
        McpHttp.parse(rig.get(base + "/.well-known/oauth-protected-resource/mcp").body());
    assertEquals(base, prm.getJsonArray("authorization_servers").getString(0));
    assertEquals(base + "/mcp", prm.getString("resource"));
  }

  /** Claude's custom client ID/secret, with resource sent as Claude sends it. */
  @Test
  void claudesCustomClientSignsInRefreshesAndCallsTools() throws Exception {
    String verifier = "verifier-" + "x".repeat(50);
    HttpResponse<String> authorize =
        rig.get(
            rig.authorizeUrl(
                OAuthRig.CLIENT,
                OAuthRig.CLAUDE,
                OAuthRig.challenge(verifier),
                base + "/mcp",
                "api://" + OAuthRig.CLIENT + "/user_impersonation",
                "claude-state"));
    assertEquals(303, authorize.statusCode(), authorize.body());
    String toEntra = OAuthRig.location(authorize);
    assertTrue(
        toEntra.startsWith(rig.entra.authority().replace("/v2.0", "") + "/oauth2/v2.0/authorize"));
    Map<String, String> up = OAuthRig.query(toEntra);
    assertFalse(up.containsKey("resource"), "resource is dropped: Entra refuses it");
    assertEquals(OAuthRig.CLIENT, up.get("client_id"));
    assertEquals(base + "/oauth/callback", up.get("redirect_uri"));
    for (String s :
        new String[] {
          "api://" + OAuthRig.CLIENT + "/user_impersonation", "offline_access", "openid", "profile"
        }) {
      assertTrue((" " + up.get("scope") + " ").contains(" " + s + " "), up.get("scope"));
    }
    assertEquals(OAuthRig.challenge(verifier), up.get("code_challenge"));
    assertFalse(up.get("state").contains("claude-state"), "the client's state travels sealed");

    String toCallback = OAuthRig.location(rig.get(toEntra));
    assertTrue(toCallback.startsWith(base + "/oauth/callback?"), toCallback);
    String toClaude = OAuthRig.location(rig.get(toCallback));
    assertTrue(toClaude.startsWith(OAuthRig.CLAUDE + "?"), toClaude);
    Map<String, String> back = OAuthRig.query(toClaude);
    assertEquals("claude-state", back.get("state"));
    assertEquals(base, back.get("iss"));
    String code = back.get("code");
    facadeCodes.add(code);

    HttpResponse<String> wrongSecret = redeem(code, verifier, "wrong");
    assertEquals(401, wrongSecret.statusCode(), "Entra's invalid_client makes Claude re-register");
    assertEquals("invalid_client", McpHttp.parse(wrongSecret.body()).getString("error"));

    HttpResponse<String> tokens = redeem(code, verifier, OAuthRig.SECRET);
    // Entra refused the client before looking at the code, so the code is still good.
    assertEquals(200, tokens.statusCode(), tokens.body());
    JsonObject t = McpHttp.parse(tokens.body());
    assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
    String access = t.getString("access_token");
    assertTrue(access.startsWith("eyJ"), "Entra's token, unchanged");
    assertNotNull(t.getString("refresh_token"));
    assertEquals(200, rig.mcpInitialize(access).statusCode(), "the token opens /mcp");

    HttpResponse<String> again = redeem(code, verifier, OAuthRig.SECRET);
    assertEquals(400, again.statusCode());
    assertEquals("invalid_grant", McpHttp.parse(again.body()).getString("error"));

    HttpResponse<String> refreshed =
        rig.token(
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                t.getString("refresh_token"),
                "client_id",
                OAuthRig.CLIENT,
                "client_secret",
                OAuthRig.SECRET,
                "resource",
                base + "/mcp"));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    String rotated = McpHttp.parse(refreshed.body()).getString("refresh_token");
    assertFalse(rotated.equals(t.getString("refresh_token")));
    assertEquals(
        200,
        rig.mcpInitialize(McpHttp.parse(refreshed.body()).getString("access_token")).statusCode());
    HttpResponse<String> spent = refresh(t.getString("refresh_token"));
    assertEquals("invalid_grant", McpHttp.parse(spent.body()).getString("error"));

    // An API app left at v1 tokens: accepted here, where PBIMCP_ENTRA_ACCEPT_V1_TOKENS is on.
    rig.entra.grants().tokenVersion = "1.0";
    try {
      HttpResponse<String> v1 = refresh(rotated);
      assertEquals(200, v1.statusCode(), v1.body());
      rotated = McpHttp.parse(v1.body()).getString("refresh_token");
      assertEquals(
          200,
          rig.mcpInitialize(McpHttp.parse(v1.body()).getString("access_token")).statusCode(),
          "a v1 token (issuer sts.windows.net, audience api://…) passes when enabled");
    } finally {
      rig.entra.grants().tokenVersion = "2.0";
    }

    // Entra rotates its signing keys: a token signed with the new key is still accepted.
    rig.entra.rotateKeys();
    HttpResponse<String> afterRotation = refresh(rotated);
    assertEquals(200, afterRotation.statusCode(), afterRotation.body());
    assertEquals(
        200,
        rig.mcpInitialize(McpHttp.parse(afterRotation.body()).getString("access_token"))
            .statusCode(),
        "the new key is fetched from the JWKS");
  }

  /**
   * The official TypeScript SDK client's OAuth flow, end to end: discovery, registration (DCR), our
   * consent page (its redirect is loopback), sign-in, code, token, a tool call; then its access
   * token expires and it refreshes and calls again.
   */
  @Test
  void typescriptSdkClientRegistersSignsInAndRefreshes() throws Exception {
    rig.entra.grants().accessTokenSeconds = 4;
    try {
      JsonObject r = rig.sdkClient(Map.of("WAIT_SECONDS", "6"), "dcr");
      assertEquals(1, r.getInt("registrations"));
      assertEquals(1, r.getInt("consentPages"), "loopback clients pass the consent page");
      assertEquals(base, r.getString("iss"));
      assertTrue(r.getInt("workspaces") > 0, r.toString());
      assertTrue(r.getBoolean("hadRefreshToken"), "offline_access was asked for");
      assertEquals(r.getInt("workspaces"), r.getInt("workspacesAfterExpiry"));
      assertTrue(r.getBoolean("accessTokenChanged"), r.toString());
      assertEquals(
          "[\"authorization_code\",\"refresh_token\"]", r.getJsonArray("tokenGrants").toString());
    } finally {
      rig.entra.grants().accessTokenSeconds = 3600;
    }
  }

  /** A client whose id is its metadata document's URL (CIMD): no registration at all. */
  @Test
  void typescriptSdkClientWithAMetadataDocument() throws Exception {
    String url =
        rig.entra.publish(
            "/clients/pbimcp-e2e.json",
            "{\"client_id\":\""
                + rig.entra.urlOf("/clients/pbimcp-e2e.json")
                + "\",\"client_name\":\"CIMD e2e\",\"redirect_uris\":"
                + "[\"http://127.0.0.1:53682/callback\"],\"token_endpoint_auth_method\":\"none\"}");
    JsonObject r = rig.sdkClient(Map.of(), "cimd", url);
    assertEquals(0, r.getInt("registrations"));
    assertTrue(url.startsWith(r.getString("clientId")), r.toString());
    assertTrue(r.getInt("workspaces") > 0, r.toString());
  }

  /** Claude's path: the Entra app's id and secret typed into the connector's advanced settings. */
  @Test
  void typescriptSdkClientWithTheAppsIdAndSecretLikeClaude() throws Exception {
    JsonObject r =
        rig.sdkClient(Map.of(), "preregistered", OAuthRig.CLIENT, OAuthRig.SECRET, OAuthRig.CLAUDE);
    assertEquals(0, r.getInt("registrations"));
    assertEquals(0, r.getInt("consentPages"), "Claude shows its own consent");
    assertTrue(r.getInt("workspaces") > 0, r.toString());
  }

  /**
   * Every credential of the run (the client secret, each code, access, refresh and On-Behalf-Of
   * token the stand-in issued, each code the façade issued) is looked for in every server log.
   */
  @Test
  void noTokenSecretOrCodeReachesTheLog() throws Exception {
    claudesCustomClientSignsInRefreshesAndCallsTools();
    List<String> secrets = new ArrayList<>(rig.entra.grants().issued);
    secrets.addAll(facadeCodes);
    secrets.add(OAuthRig.SECRET);
    assertTrue(secrets.size() > 6, secrets.size() + " credentials issued");
    Path logs =
        Path.of(
            System.getProperty("wlp.home", "target/liberty/wlp"),
            "usr/servers/" + rig.name + "/logs");
    try (var files = Files.walk(logs)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertFalse(text.contains(secret), f + " holds a credential");
        }
      }
    }
  }

  /** A refresh grant as Claude's custom client sends it. */
  private static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return rig.token(
        Map.of(
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken,
            "client_id",
            OAuthRig.CLIENT,
            "client_secret",
            OAuthRig.SECRET));
  }

  /** An authorization-code grant as Claude sends it (with resource, RFC 8707). */
  private static HttpResponse<String> redeem(String code, String verifier, String secret)
      throws Exception {
    return rig.token(
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "code_verifier",
            verifier,
            "redirect_uri",
            OAuthRig.CLAUDE,
            "client_id",
            OAuthRig.CLIENT,
            "client_secret",
            secret,
            "resource",
            base + "/mcp"));
  }
}
