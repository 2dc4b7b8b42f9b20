package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.pbimcp.entra.EntraStandIn;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Entra sign-in as a resource server, on a server configured only with AZURE_TENANT_ID and
 * AZURE_CLIENT_ID (plus a local JWKS standing in for Entra's): the token matrix, the challenges,
 * and the protected resource metadata.
 */
@ExtendWith(ArquillianExtension.class)
class EntraIT {
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TENANT = "00000000-1111-2222-3333-444444444444";
  private static final String CLIENT = "6e0c6f4d-1c1b-4a43-9d2e-3b8f0a2d9c11";
  private static final String ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"entra-it\",\"version\":\"1\"}}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void tokensAreCheckedAndRefusalsSayWhereToSignIn() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("k2").generate();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/keys",
        x -> {
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, keys.length);
          x.getResponseBody().write(keys);
          x.close();
        });
    jwks.start();
    String jwksUrl = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys";
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-entra",
                Ports.third(),
                "entra-test-session-key-0123456789abcdef",
                Map.of(
                    "AZURE_TENANT_ID",
                    TENANT,
                    "AZURE_CLIENT_ID",
                    CLIENT,
                    "mp.jwt.verify.publickey.location",
                    jwksUrl))
            .start()) {
      int port = server.port();

      HttpResponse<String> none = post(port, null);
      assertEquals(401, none.statusCode());
      String challenge = none.headers().firstValue("WWW-Authenticate").orElse("");
      assertTrue(
          challenge.startsWith(
              "Bearer resource_metadata=\"http://127.0.0.1:"
                  + port
                  + "/.well-known/oauth-protected-resource/mcp\""),
          challenge);
      assertTrue(
          challenge.contains("scope=\"api://" + CLIENT + "/user_impersonation\""), challenge);

      assertEquals(200, post(port, sign(key, c -> {})).statusCode(), "a valid user token passes");
      sessionsBelongToTheirUser(port, key);
      for (String path :
          new String[] {
            "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"
          }) {
        HttpResponse<String> prm =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer stale.or.broken")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(200, prm.statusCode(), path + " answers whatever token comes with it");
        assertTrue(prm.body().contains("authorization_servers"), prm.body());
      }

      Map<String, String> refused =
          Map.of(
              "expired",
                  sign(key, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))),
              "not yet valid",
                  sign(key, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(900)))),
              "wrong audience", sign(key, c -> c.audience("api://someone-else")),
              "wrong issuer", sign(key, c -> c.issuer("https://sts.example.com/")),
              "wrong tenant",
                  sign(
                      key,
                      c -> c.issuer("https://login.microsoftonline.com/" + OTHER_TENANT + "/v2.0")),
              "bad signature", sign(stranger, c -> {}),
              "v1 token while only v2 is accepted",
                  sign(
                      key,
                      c ->
                          c.issuer("https://sts.windows.net/" + TENANT + "/")
                              .audience("api://" + CLIENT)
                              .claim("ver", "1.0")),
              "unknown kid", sign(unknownKid, c -> {}),
              "alg none", new PlainJWT(claims(c -> {}).build()).serialize(),
              "HS256 with the public key", hs256WithPublicKey(key));
      for (var e : refused.entrySet()) {
        HttpResponse<String> r = post(port, e.getValue());
        assertEquals(401, r.statusCode(), e.getKey());
        String h = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(
            h.contains("resource_metadata=") && h.contains("error=\"invalid_token\""),
            e.getKey() + ": " + h);
      }

      HttpResponse<String> noScope = post(port, sign(key, c -> c.claim("scp", "Files.Read")));
      assertEquals(403, noScope.statusCode());
      String stepUp = noScope.headers().firstValue("WWW-Authenticate").orElse("");
      assertTrue(
          stepUp.contains("error=\"insufficient_scope\"")
              && stepUp.contains(
                  "resource_metadata=\"http://127.0.0.1:"
                      + port
                      + "/.well-known/oauth-protected-resource/mcp\"")
              && stepUp.contains("scope=\"api://"),
          "a 403 names the metadata as the 401s do: " + stepUp);
      HttpResponse<String> appOnly =
          post(
              port,
              sign(
                  key,
                  c ->
                      c.claim("scp", null)
                          .claim("roles", List.of("Reader"))
                          .claim("idtyp", "app")));
      assertEquals(403, appOnly.statusCode());
      assertTrue(appOnly.body().contains("App-only"), appOnly.body());

      String log =
          java.nio.file.Files.readString(
              java.nio.file.Path.of(
                  System.getProperty("wlp.home", "target/liberty/wlp"),
                  "usr/servers/pbimcp-entra/logs/messages.log"));
      assertTrue(!log.contains("eyJ"), "no token reaches messages.log");

      for (String path :
          new String[] {
            "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"
          }) {
        HttpResponse<String> prm =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Forwarded-Host", "attacker.example")
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(200, prm.statusCode(), path);
        JsonObject m = McpHttp.parse(prm.body());
        // The host is ours unless forwarded headers are trusted by configuration. (The scheme
        // follows X-Forwarded-Proto either way: the runtime honours that header itself.)
        assertTrue(
            m.getString("resource").endsWith("://127.0.0.1:" + port + "/mcp"),
            m.getString("resource"));
        assertTrue(
            m.getJsonArray("authorization_servers").getString(0).endsWith("://127.0.0.1:" + port),
            "the façade in front of Entra is the authorization server clients see");
      }
    } finally {
      jwks.stop(0);
    }
  }

  /**
   * A delegated tools/call: the server exchanges the user's token On-Behalf-Of (real MSAL4J against
   * an Entra-like endpoint) and the emulator receives that token, never the user's.
   */
  @Test
  void powerBiIsCalledWithAnOnBehalfOfTokenNeverTheClientsToken() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    HttpServer jwks = jwks(key);
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "api-secret")) {
      int port = Ports.third();
      Map<String, String> settings = new java.util.HashMap<>();
      settings.put("AZURE_TENANT_ID", TENANT);
      settings.put("AZURE_CLIENT_ID", CLIENT);
      settings.put("AZURE_CLIENT_SECRET", "api-secret");
      settings.put(
          "mp.jwt.verify.publickey.location",
          "http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys");
      settings.put("pbimcp.entra.authority", entra.authority());
      settings.put("pbimcp.entra.truststore", entra.keystore().toString());
      settings.put("pbimcp.emulator.enabled", "true");
      settings.put("pbimcp.powerbi.base-url", "http://127.0.0.1:" + port + "/emulator/v1.0/myorg");
      try (ExtraServer server =
          new ExtraServer("pbimcp-obo", port, "obo-test-session-key-0123456789abcdefgh", settings)
              .start()) {
        // The authority is the stand-in, so the issuer the server expects is the stand-in's.
        String userToken = sign(key, c -> c.issuer(entra.authority()));
        assertEquals(
            401,
            postWith(port, sign(key, c -> {}), INIT, null).statusCode(),
            "the public cloud's issuer is not this authority's");

        HttpResponse<String> init = postWith(port, userToken, INIT, null);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> call =
            postWith(
                port,
                userToken,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_powerbi_workspaces\"}}",
                session);
        JsonObject result = McpHttp.responseFrom(call, 2).getJsonObject("result");
        assertTrue(!result.getBoolean("isError", false), result.toString());
        HttpResponse<String> last =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/emulator/last-token"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        String seen = McpHttp.parse(last.body()).getString("sha256");
        assertEquals(sha256("obo-for-" + userToken), seen, "Power BI got the On-Behalf-Of token");
        assertTrue(!seen.equals(sha256(userToken)), "the client's token never reaches Power BI");
        assertEquals("on_behalf_of", entra.grants().lastForm.get("requested_token_use"));
        String log =
            java.nio.file.Files.readString(
                java.nio.file.Path.of(
                    System.getProperty("wlp.home", "target/liberty/wlp"),
                    "usr/servers/pbimcp-obo/logs/messages.log"));
        assertTrue(
            !log.contains(userToken) && !log.contains("obo-for-") && !log.contains("api-secret"),
            "no token or secret in the log");
        resultLinksBelongToTheirUser(port, key, entra.authority(), userToken, session);
        doctorDetailsForAdminsOnly(port, key, entra.authority(), userToken, session);
      }
    } finally {
      jwks.stop(0);
    }
  }

  /** The rest of a large answer is a link its owner can read and nobody else can. */
  private static void resultLinksBelongToTheirUser(
      int port, RSAKey key, String issuer, String aliceToken, String aliceSession)
      throws Exception {
    String query =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"execute_powerbi_query\",\"arguments\":{\"workspace_id\":\""
            + SampleIds.workspace("Sales Analytics")
            + "\",\"dataset_id\":\""
            + SampleIds.dataset("Sales")
            + "\",\"queries\":[\"EVALUATE 'Sales'\"]}}}";
    JsonObject answer =
        McpHttp.responseFrom(postWith(port, aliceToken, query, aliceSession), 3)
            .getJsonObject("result");
    String link =
        answer
            .getJsonObject("structuredContent")
            .getJsonArray("results")
            .getJsonObject(0)
            .getString("rest_uri");
    assertTrue(
        answer.getJsonArray("content").toString().contains("\"type\":\"resource_link\""),
        "the answer carries the link as resource_link content");
    String read =
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{\"uri\":\""
            + link
            + "\"}}";
    JsonObject mine = McpHttp.responseFrom(postWith(port, aliceToken, read, aliceSession), 4);
    assertTrue(
        mine.getJsonObject("result")
            .getJsonArray("contents")
            .getJsonObject(0)
            .getString("text")
            .startsWith("Sales[OrderNumber]"),
        "its owner reads the rows as CSV");

    String bobToken =
        sign(key, c -> c.issuer(issuer).claim("oid", "9f8e7d6c-bbbb-cccc-dddd-444455556666"));
    String bobSession =
        postWith(port, bobToken, INIT, null).headers().firstValue("Mcp-Session-Id").orElseThrow();
    JsonObject theirs = McpHttp.responseFrom(postWith(port, bobToken, read, bobSession), 4);
    assertEquals(
        -32002,
        theirs.getJsonObject("error").getInt("code"),
        "another user's link does not exist for them: " + theirs);
  }

  private static HttpServer jwks(RSAKey key) throws Exception {
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/keys",
        x -> {
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, keys.length);
          x.getResponseBody().write(keys);
          x.close();
        });
    jwks.start();
    return jwks;
  }

  private static String sha256(String s) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Another signed-in user holding a leaked session id gets what an unknown id gets: 404. */
  private static void sessionsBelongToTheirUser(int port, RSAKey key) throws Exception {
    String alice = sign(key, c -> {});
    String bob = sign(key, c -> c.claim("oid", "9f8e7d6c-bbbb-cccc-dddd-444455556666"));
    String session = post(port, alice).headers().firstValue("Mcp-Session-Id").orElseThrow();
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    assertEquals(200, postWith(port, alice, ping, session).statusCode(), "its owner uses it");
    HttpResponse<String> stolen = postWith(port, bob, ping, session);
    assertEquals(404, stolen.statusCode(), stolen.body());
    assertTrue(stolen.body().contains("Session not found"), stolen.body());
    for (String method : new String[] {"GET", "DELETE"}) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                      .header("Accept", "text/event-stream")
                      .header("Authorization", "Bearer " + bob)
                      .header("Mcp-Session-Id", session)
                      .header("Last-Event-ID", "1")
                      .method(method, HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode(), method + " with another user's session: " + r.body());
    }
    assertEquals(200, postWith(port, alice, ping, session).statusCode(), "still alice's");
  }

  private static HttpResponse<String> postWith(int port, String token, String body, String session)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(int port, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .POST(HttpRequest.BodyPublishers.ofString(INIT));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The doctor's checks in get_powerbi_status: for the app role's holders, not for others. */
  private static void doctorDetailsForAdminsOnly(
      int port, RSAKey key, String issuer, String userToken, String session) throws Exception {
    String status =
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\"}}";
    JsonObject plain =
        McpHttp.responseFrom(postWith(port, userToken, status, session), 7)
            .getJsonObject("result")
            .getJsonObject("structuredContent");
    assertTrue(!plain.containsKey("doctor_checks"), "a user without the role: " + plain);
    assertTrue(plain.getString("doctor").startsWith("fail"), "the verdict line for everyone");
    String admin =
        sign(key, c -> c.issuer(issuer).claim("roles", java.util.List.of("PowerBiMcp.Admin")));
    JsonObject full =
        McpHttp.responseFrom(postWith(port, admin, status, session), 7)
            .getJsonObject("result")
            .getJsonObject("structuredContent");
    var checks = full.getJsonArray("doctor_checks");
    assertTrue(checks != null && !checks.isEmpty(), "an administrator: " + full);
    assertTrue(
        checks.getValuesAs(JsonObject.class).stream()
            .noneMatch(c -> c.getString("verdict").equals("pass")),
        "only the checks that do not pass: " + checks);
    JsonObject publicUrl =
        checks.getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("id").equals("public-url"))
            .findFirst()
            .orElseThrow();
    assertEquals("fail", publicUrl.getString("verdict"));
    assertTrue(publicUrl.getString("fix").contains("PBIMCP_PUBLIC_URL"), publicUrl.toString());
    assertTrue(!checks.toString().contains("api-secret"), "never the secret");
  }

  private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder c =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(CLIENT)
            .subject("user-subject")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .claim("oid", "0b1c2d3e-aaaa-bbbb-cccc-111122223333")
            .claim("tid", TENANT)
            .claim("ver", "2.0")
            .claim("name", "Test User")
            .claim("scp", "user_impersonation");
    change.accept(c);
    return c;
  }

  private static String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims(change).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String hs256WithPublicKey(RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(c -> {}).build());
    byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }
}
