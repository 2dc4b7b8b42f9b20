package dev.pbimcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.OutboundTls;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The façade's rules for redirect URIs, scopes and client metadata document URLs. */
class FacadeRulesTest {
  private static final String APP = "11111111-2222-3333-4444-555555555555";

  @Test
  void redirectsGoOnlyToClaudeLoopbackOrConfiguredUris() {
    RedirectPolicy p = new RedirectPolicy(List.of("https://app.contoso.example/cb"));
    assertTrue(p.allowed("https://claude.ai/api/mcp/auth_callback"));
    assertTrue(p.allowed("https://claude.com/api/mcp/auth_callback"));
    assertTrue(p.allowed("http://127.0.0.1:33418/callback"));
    assertTrue(p.allowed("http://localhost:8080/cb"));
    assertTrue(p.allowed("http://[::1]:9000/cb"));
    assertTrue(p.allowed("https://app.contoso.example/cb"));
    assertFalse(p.allowed("https://claude.ai.evil.example/api/mcp/auth_callback"));
    assertFalse(p.allowed("https://claude.ai/api/mcp/auth_callback/../x"));
    assertFalse(p.allowed("http://127.0.0.1.evil.example/cb"));
    assertFalse(p.allowed("http://user@127.0.0.1/cb"));
    assertFalse(p.allowed("http://127.0.0.1/cb#frag"));
    assertFalse(p.allowed("https://app.contoso.example/cb2"));
    assertFalse(p.allowed(null));
    assertTrue(RedirectPolicy.sameRedirect("http://127.0.0.1:1/cb", "http://127.0.0.1:2/cb"));
    assertFalse(RedirectPolicy.sameRedirect("http://127.0.0.1:1/cb", "http://127.0.0.1:1/other"));
  }

  @Test
  void scopesAreMappedToTheApiAndAlwaysAskForARefreshToken() {
    String api = "api://" + APP + "/";
    assertEquals(
        api + "user_impersonation offline_access openid profile",
        Scopes.upstream(null, APP, "user_impersonation"));
    assertEquals(
        api + "user_impersonation offline_access openid profile",
        Scopes.upstream("user_impersonation", APP, "user_impersonation"));
    assertEquals(
        java.util.Set.of(api + "user_impersonation", "offline_access", "openid", "profile"),
        java.util.Set.of(
            Scopes.upstream(api + "user_impersonation openid", APP, "user_impersonation")
                .split(" ")));
    assertNull(Scopes.upstream("https://graph.microsoft.com/Mail.Read", APP, "user_impersonation"));
    assertNull(Scopes.upstream("api://someone-else/x", APP, "user_impersonation"));
  }

  @Test
  void metadataDocumentsAreFetchedOnlyFromPublicHttpsUrls() {
    AuthSettings auth =
        new AuthSettings(
            Optional.of("entra"),
            "127.0.0.1",
            false,
            Optional.of("tenant"),
            Optional.of(APP),
            "user_impersonation",
            Optional.empty(),
            Optional.empty());
    OAuthSettings settings =
        new OAuthSettings(auth, Optional.empty(), Optional.empty(), Optional.empty(), false);
    MetadataDocuments docs =
        new MetadataDocuments(settings, new OutboundTls(Optional.empty(), "changeit"));
    assertTrue(docs.client("https://127.0.0.1:9/client.json").refusal().contains("public"));
    assertTrue(docs.client("https://10.1.2.3/client.json").refusal().contains("public"));
    assertTrue(docs.client("https://169.254.169.254/metadata").refusal().contains("public"));
    assertTrue(docs.client("https://[::1]/client.json").refusal().contains("public"));
    assertTrue(docs.client("https://[fd00::1]/client.json").refusal().contains("public"));
    assertTrue(docs.client("https://100.64.0.1/client.json").refusal().contains("public"));
    assertTrue(docs.client("https://localhost/").refusal().contains("path"));
    assertTrue(docs.client("https://example.com/c.json#x").refusal().contains("fragment"));
    assertFalse(MetadataDocuments.publicHost("0.0.0.0"));
    assertTrue(MetadataDocuments.publicHost("8.8.8.8"));
  }
}
