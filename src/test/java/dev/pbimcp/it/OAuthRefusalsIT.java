package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the OAuth façade refuses, each with the error the specifications name: redirect URIs off the
 * allow-list (an error page, never a redirect), missing PKCE, a foreign resource or scope, tampered
 * state, forged codes, unknown clients, and consent posts not made from the page it showed.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthRefusalsIT extends OAuthTestBase {
  @Test
  void unsafeRequestsAreRefusedWithTheRightOAuthError() throws Exception {
    String c = OAuthRig.challenge("v".repeat(60));
    HttpResponse<String> evil =
        rig.get(rig.authorizeUrl(OAuthRig.CLIENT, "https://evil.example/cb", c, null, null, "s"));
    assertEquals(400, evil.statusCode(), "an unlisted redirect gets an error page");
    assertTrue(evil.headers().firstValue("Location").isEmpty(), "and never a redirect");

    Map<String, String> noPkce =
        OAuthRig.query(
            OAuthRig.location(
                rig.get(
                    rig.authorizeUrl(OAuthRig.CLIENT, OAuthRig.CLAUDE, null, null, null, "s1"))));
    assertEquals("invalid_request", noPkce.get("error"));
    assertEquals("s1", noPkce.get("state"));
    assertEquals(base, noPkce.get("iss"));

    Map<String, String> otherResource =
        OAuthRig.query(
            OAuthRig.location(
                rig.get(
                    rig.authorizeUrl(
                        OAuthRig.CLIENT,
                        OAuthRig.CLAUDE,
                        c,
                        "https://other.example/mcp",
                        null,
                        "s2"))));
    assertEquals("invalid_target", otherResource.get("error"));

    Map<String, String> foreignScope =
        OAuthRig.query(
            OAuthRig.location(
                rig.get(
                    rig.authorizeUrl(
                        OAuthRig.CLIENT,
                        OAuthRig.CLAUDE,
                        c,
                        null,
                        "https://graph.microsoft.com/Mail.Read",
                        "s3"))));
    assertEquals("invalid_scope", foreignScope.get("error"));

    HttpResponse<String> tampered =
        rig.get(
            base
                + "/oauth/callback?code=abc&state="
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(400, tampered.statusCode());
    assertTrue(tampered.body().contains("Start the sign-in again"), tampered.body());
    String realState =
        OAuthRig.query(
                OAuthRig.location(
                    rig.get(
                        rig.authorizeUrl(OAuthRig.CLIENT, OAuthRig.CLAUDE, c, null, null, "s4"))))
            .get("state");
    String flipped =
        realState.substring(0, 20)
            + (realState.charAt(20) == 'A' ? 'B' : 'A')
            + realState.substring(21);
    assertEquals(400, rig.get(base + "/oauth/callback?code=abc&state=" + flipped).statusCode());

    HttpResponse<String> register =
        rig.post(
            base + "/oauth/register",
            "application/json",
            "{\"client_name\":\"x\",\"redirect_uris\":[\"https://evil.example/cb\"]}");
    assertEquals(400, register.statusCode());
    assertEquals("invalid_redirect_uri", McpHttp.parse(register.body()).getString("error"));

    HttpResponse<String> forged =
        rig.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                "not-a-code",
                "code_verifier",
                "v",
                "client_id",
                OAuthRig.CLIENT,
                "client_secret",
                OAuthRig.SECRET));
    assertEquals("invalid_grant", McpHttp.parse(forged.body()).getString("error"));
    HttpResponse<String> noSecret =
        rig.token(
            Map.of(
                "grant_type", "refresh_token", "refresh_token", "r", "client_id", OAuthRig.CLIENT));
    assertEquals(401, noSecret.statusCode());
    HttpResponse<String> unknown =
        rig.token(
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
            rig.post(
                    base + "/oauth/register",
                    "application/json",
                    "{\"client_name\":\"<b>Tool</b>\",\"redirect_uris\":[\"http://127.0.0.1:5555/cb\"]}")
                .body());
    String id = reg.getString("client_id");
    assertEquals("none", reg.getString("token_endpoint_auth_method"));
    HttpResponse<String> page =
        rig.get(
            rig.authorizeUrl(
                id,
                "http://127.0.0.1:5555/cb",
                OAuthRig.challenge("w".repeat(60)),
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
        rig.post(base + "/oauth/consent", "application/x-www-form-urlencoded", form).statusCode(),
        "no cookie: a cross-site post");
    HttpResponse<String> allowed =
        rig.http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, allowed.statusCode());
    assertTrue(OAuthRig.location(allowed).contains("/oauth2/v2.0/authorize?"));
    HttpResponse<String> denied =
        rig.http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("allow", "deny")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("access_denied", OAuthRig.query(OAuthRig.location(denied)).get("error"));
  }

  /** Behind a TLS-terminating proxy (trusted by configuration), URLs are the public ones. */
  @Test
  void forwardedHeadersMakeThePublishedUrlsPublic() throws Exception {
    HttpResponse<String> r =
        rig.http.send(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pbimcp.contoso.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject m = McpHttp.parse(r.body());
    assertEquals("https://pbimcp.contoso.example", m.getString("issuer"));
    assertEquals("https://pbimcp.contoso.example/oauth/token", m.getString("token_endpoint"));
    HttpResponse<String> challenge =
        rig.http.send(
            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pbimcp.contoso.example")
                .header("X-Forwarded-Port", "443")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        challenge
            .headers()
            .firstValue("WWW-Authenticate")
            .orElse("")
            .contains(
                "resource_metadata=\"https://pbimcp.contoso.example/.well-known/oauth-protected-resource/mcp\""),
        challenge.headers().toString());
  }

  /** An app-only token Entra issued for this API (roles, no scp) is no user: 403. */
  @Test
  void appOnlyTokensFromEntraAreRefused() throws Exception {
    HttpResponse<String> issued =
        rig.http.send(
            HttpRequest.newBuilder(
                    URI.create(rig.entra.authority().replace("/v2.0", "") + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + OAuthRig.CLIENT
                            + "&client_secret="
                            + OAuthRig.SECRET
                            + "&scope=api://"
                            + OAuthRig.CLIENT
                            + "/.default"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String token = McpHttp.parse(issued.body()).getString("access_token");
    HttpResponse<String> r = rig.mcpInitialize(token);
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(r.body().contains("App-only"), r.body());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(
        challenge.contains("insufficient_scope") && challenge.contains("resource_metadata="),
        challenge);
  }
}
