package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /} on the built-in emulator (no Azure account): a browser gets the setup page with the
 * address to paste into Claude and, on this machine, the doctor's verdicts; any other client gets
 * the JSON error it always got; {@code /setup/doctor} is JSON, for this machine only.
 */
@ExtendWith(ArquillianExtension.class)
class SetupPageIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  private static HttpResponse<String> get(String path, String accept, String forwardedFor)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.http() + path))
            .header("Accept", accept);
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBrowserGetsThePageWithTheUrlToPasteAndTheVerdicts() throws Exception {
    HttpResponse<String> r = get("/", "text/html,application/xhtml+xml,*/*;q=0.8", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = r.body();
    assertTrue(
        html.contains("value=\"http://127.0.0.1:" + Ports.http() + "/mcp\""),
        "the connector URL, ready to copy");
    assertTrue(html.contains("id=\"copy\""), html);
    assertTrue(html.contains("Leave <b>Advanced settings</b> empty"), "no sign-in here");
    assertTrue(html.contains("<tr data-check=\"power-bi\">"), "the doctor's table, on loopback");
    assertTrue(html.matches("(?s).*data-check=\"power-bi\"><td>[^<]*</td><td class=\"pass\">.*"));
  }

  @Test
  void anyOtherClientGetsJson() throws Exception {
    for (String accept : new String[] {"application/json", "*/*"}) {
      HttpResponse<String> r = get("/", accept, null);
      assertEquals(404, r.statusCode(), accept);
      JsonObject error = Json.createReader(new StringReader(r.body())).readObject();
      assertTrue(error.getJsonObject("error").getString("message").contains("/mcp"), r.body());
    }
  }

  @Test
  void theDoctorIsJsonForThisMachineOnly() throws Exception {
    HttpResponse<String> r = get("/setup/doctor", "application/json", null);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject doctor = Json.createReader(new StringReader(r.body())).readObject();
    assertEquals("pass", doctor.getString("verdict"), r.body());
    assertTrue(r.body().contains("\"id\":\"session-key\""), r.body());

    HttpResponse<String> page = get("/", "text/html", "203.0.113.7");
    assertTrue(!page.body().contains("data-check"), "a forwarded visitor sees no verdicts");
    assertEquals(403, get("/setup/doctor", "application/json", "203.0.113.7").statusCode());
  }
}
