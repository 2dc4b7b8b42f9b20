package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection doctor of a server configured like a customer's, against the Entra stand-in and
 * the emulator: each check passing with the right settings and failing, with its fix, with a wrong
 * client secret, a Power BI that refuses the app, and failed sign-ins.
 */
@ExtendWith(ArquillianExtension.class)
class DoctorIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  private static Map<String, JsonObject> doctor(OAuthRig rig) throws Exception {
    var r = rig.get(rig.base + "/setup/doctor");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, JsonObject> checks = new HashMap<>();
    for (JsonValue c :
        Json.createReader(new StringReader(r.body())).readObject().getJsonArray("checks")) {
      checks.put(c.asJsonObject().getString("id"), c.asJsonObject());
    }
    return checks;
  }

  private static String verdict(Map<String, JsonObject> checks, String id) {
    return checks.get(id).getString("verdict");
  }

  @Test
  void theRightSettingsPassAndEachBrokenLinkSaysItsFix() throws Exception {
    try (OAuthRig rig = new OAuthRig("pbimcp-doctor", Map.of("PBIMCP_DOCTOR_CACHE_SECONDS", "0"))) {
      Map<String, JsonObject> checks = doctor(rig);
      for (String id :
          new String[] {
            "session-key",
            "metadata",
            "entra-discovery",
            "clock",
            "client-secret",
            "power-bi",
            "sign-ins"
          }) {
        assertEquals("pass", verdict(checks, id), id + ": " + checks.get(id));
      }
      assertEquals("fail", verdict(checks, "public-url"), "Entra sign-in needs PBIMCP_PUBLIC_URL");
      assertTrue(checks.get("public-url").getString("fix").contains("PBIMCP_PUBLIC_URL"));

      // Power BI refuses the app: the tenant setting to change.
      assertEquals(
          204,
          EmulatorFaults.send(
              rig.server.port(), "POST", "{\"path\":\"groups$\",\"status\":401,\"count\":1}"));
      JsonObject powerBi = doctor(rig).get("power-bi");
      assertEquals("fail", powerBi.getString("verdict"), powerBi.toString());
      assertTrue(powerBi.getString("fix").contains("Service principals can use Fabric APIs"));

      // A refresh that Entra refused (a token it never issued): counted, with Entra's code.
      var refused =
          rig.token(
              Map.of(
                  "grant_type",
                  "refresh_token",
                  "refresh_token",
                  "never-issued",
                  "client_id",
                  OAuthRig.CLIENT,
                  "client_secret",
                  OAuthRig.SECRET));
      assertEquals(400, refused.statusCode(), refused.body());
      JsonObject signIns = doctor(rig).get("sign-ins");
      assertEquals("warn", signIns.getString("verdict"), signIns + " after " + refused.body());
      assertTrue(signIns.getString("detail").contains("AADSTS700082"), signIns.toString());
    }
  }

  @Test
  void anUnreachableEntraNoSessionKeyAndAProxyThatHidesTheAddressAreNamed() throws Exception {
    int dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      dead = s.getLocalPort(); // nothing listens there once closed
    }
    try (OAuthRig rig =
        new OAuthRig(
            "pbimcp-doctor-entra",
            Map.of(
                "PBIMCP_PUBLIC_URL", "https://pbimcp.example.com",
                "pbimcp.entra.authority", "https://127.0.0.1:" + dead + "/" + "contoso",
                "pbimcp.session.key", "",
                "PBIMCP_DOCTOR_CACHE_SECONDS", "0"))) {
      Map<String, JsonObject> checks = doctor(rig);
      assertEquals("pass", verdict(checks, "public-url"), checks.get("public-url").toString());
      JsonObject arrival = checks.get("arrival");
      assertEquals("warn", arrival.getString("verdict"), "asked at 127.0.0.1: " + arrival);
      assertTrue(arrival.getString("fix").contains("PBIMCP_TRUST_FORWARDED_HEADERS"));
      JsonObject key = checks.get("session-key");
      assertEquals("warn", key.getString("verdict"), key.toString());
      assertTrue(key.getString("fix").contains("PBIMCP_SESSION_KEY"), key.toString());
      JsonObject entra = checks.get("entra-discovery");
      assertEquals("fail", entra.getString("verdict"), entra.toString());
      assertTrue(entra.getString("fix").contains("outbound HTTPS"), entra.toString());
      assertEquals("skip", verdict(checks, "clock"), "no Entra answer to compare with");
      assertEquals("fail", verdict(checks, "client-secret"), "no token without Entra");
      assertTrue(!checks.toString().contains("127.0.0.1:" + dead), "no internal address shown");
    }
  }

  @Test
  void aWrongClientSecretFailsWithTheFix() throws Exception {
    try (OAuthRig rig =
        new OAuthRig(
            "pbimcp-doctor-secret",
            Map.of("AZURE_CLIENT_SECRET", "not-the-secret", "PBIMCP_DOCTOR_CACHE_SECONDS", "0"))) {
      Map<String, JsonObject> checks = doctor(rig);
      JsonObject secret = checks.get("client-secret");
      assertEquals("fail", secret.getString("verdict"), secret.toString());
      assertTrue(secret.getString("detail").contains("AADSTS7000215"), secret.toString());
      assertTrue(secret.getString("fix").contains("AZURE_CLIENT_SECRET is wrong or has expired"));
      assertEquals("skip", verdict(checks, "power-bi"), "no token to ask Power BI with");
      assertTrue(!checks.toString().contains("not-the-secret"), "a secret is never shown");
    }
  }

  @Test
  void aClockTenMinutesOffFailsWithItsFix() throws Exception {
    dev.pbimcp.entra.SkewedClock[] skewed = new dev.pbimcp.entra.SkewedClock[1];
    try (OAuthRig rig =
        new OAuthRig(
            "pbimcp-doctor-clock",
            entra -> {
              skewed[0] = new dev.pbimcp.entra.SkewedClock(entra, java.time.Duration.ofMinutes(10));
              return Map.of(
                  "pbimcp.entra.authority",
                  skewed[0].authority(),
                  "PBIMCP_DOCTOR_CACHE_SECONDS",
                  "0");
            })) {
      JsonObject clock = doctor(rig).get("clock");
      assertEquals("fail", clock.getString("verdict"), clock.toString());
      // Date headers have whole seconds, so the skew reads 599 to 601 s.
      var m =
          java.util.regex.Pattern.compile("This server's clock is (\\d+) s away from Entra ID's\\.")
              .matcher(clock.getString("detail"));
      assertTrue(m.matches(), clock.toString());
      assertTrue(Math.abs(Integer.parseInt(m.group(1)) - 600) <= 5, clock.toString());
      assertTrue(clock.getString("fix").contains("NTP"), clock.toString());
    } finally {
      if (skewed[0] != null) {
        skewed[0].close();
      }
    }
  }

  /**
   * Claude reads the metadata at the public address, through whatever proxy is in front: the doctor
   * reads it there too. A proxy that passes the documents on agrees; one that serves a document of
   * its own (naming Entra as the authorization server) or does not route {@code /.well-known/}
   * fails, each with the fix.
   */
  @Test
  void theMetadataAsReadThroughTheProxyInFront() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> mode =
        new java.util.concurrent.atomic.AtomicReference<>("forward");
    java.util.concurrent.atomic.AtomicReference<String> target =
        new java.util.concurrent.atomic.AtomicReference<>();
    com.sun.net.httpserver.HttpServer proxy =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.net.http.HttpClient onward = java.net.http.HttpClient.newHttpClient();
    proxy.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          int status = 200;
          String body;
          try {
            if (mode.get().equals("unrouted")) {
              status = 404;
              body = "<html>Not found</html>";
            } else if (mode.get().equals("hand-written") && path.contains("protected-resource")) {
              body =
                  "{\"resource\":\""
                      + "http://127.0.0.1:"
                      + exchange.getLocalAddress().getPort()
                      + "/mcp\",\"authorization_servers\":"
                      + "[\"https://login.microsoftonline.com/contoso/v2.0\"]}";
            } else {
              var r =
                  onward.send(
                      java.net.http.HttpRequest.newBuilder(java.net.URI.create(target.get() + path))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString());
              status = r.statusCode();
              body = r.body();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 502;
            body = "";
          }
          byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    proxy.start();
    String publicUrl = "http://127.0.0.1:" + proxy.getAddress().getPort();
    try (OAuthRig rig =
        new OAuthRig(
            "pbimcp-doctor-proxy",
            Map.of("PBIMCP_PUBLIC_URL", publicUrl, "PBIMCP_DOCTOR_CACHE_SECONDS", "0"))) {
      target.set(rig.base);
      JsonObject agreed = doctor(rig).get("metadata");
      assertEquals("pass", agreed.getString("verdict"), agreed.toString());
      assertTrue(
          agreed.getString("detail").endsWith("as read at the public address."), agreed.toString());
      assertTrue(agreed.getString("detail").contains(publicUrl + "/mcp"), agreed.toString());

      mode.set("hand-written");
      JsonObject own = doctor(rig).get("metadata");
      assertEquals("fail", own.getString("verdict"), own.toString());
      assertTrue(own.getString("detail").contains("login.microsoftonline.com"), own.toString());
      assertTrue(own.getString("fix").contains("pass /.well-known/ requests"), own.toString());

      mode.set("unrouted");
      JsonObject unrouted = doctor(rig).get("metadata");
      assertEquals("fail", unrouted.getString("verdict"), unrouted.toString());
      assertEquals(
          publicUrl + " answers 404 for /.well-known/oauth-protected-resource/mcp.",
          unrouted.getString("detail"));
      assertTrue(unrouted.getString("fix").contains("/.well-known/ path"), unrouted.toString());
    } finally {
      proxy.stop(0);
    }
  }
}
