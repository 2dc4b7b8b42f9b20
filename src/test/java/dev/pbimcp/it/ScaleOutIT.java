package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions are signed, self-contained tokens: any instance with the key serves any session, a
 * restart loses nothing, and an instance with another key refuses them.
 */
@ExtendWith(ArquillianExtension.class)
class ScaleOutIT {
  /** The key the Arquillian server has (src/test/liberty/configDropins). */
  private static final String SHARED_KEY = "integration-test-session-key-0123456789abcdef";

  private static final String STATUS =
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\"}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void oneSessionRoundRobinsAcrossInstancesSurvivesRestartsAndDiesWithTheKey() throws Exception {
    McpHttp a = McpHttp.on(Ports.http());
    a.initialize();
    try (ExtraServer b = new ExtraServer("pbimcp-b", Ports.second(), SHARED_KEY).start();
        ExtraServer c =
            new ExtraServer("pbimcp-c", Ports.third(), "another-key-entirely-0123456789abcdefgh")
                .start()) {
      assertHealthy(b.port());
      McpHttp viaB = on(b.port()).withSession(a.sessionId(), "2025-11-25");
      for (int i = 0; i < 10; i++) {
        assertServed((i % 2 == 0 ? a : viaB).post(STATUS, Map.of("Accept", McpHttp.ACCEPT_BOTH)));
      }
      b.stop();
      b.start();
      assertServed(viaB.post(STATUS, Map.of("Accept", McpHttp.ACCEPT_BOTH)));

      McpHttp viaC = on(c.port()).withSession(a.sessionId(), "2025-11-25");
      assertEquals(404, viaC.post(STATUS, Map.of("Accept", McpHttp.ACCEPT_BOTH)).statusCode());
    }
  }

  /** MicroProfile Health on a production-like instance (the product WAR as server.xml names it). */
  private static void assertHealthy(int port) throws Exception {
    for (String probe : new String[] {"live", "ready", "started"}) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/health/" + probe))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), probe + ": " + r.body());
      assertTrue(r.body().contains("\"UP\""), r.body());
    }
  }

  private static McpHttp on(int port) {
    return new McpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
  }

  private static void assertServed(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    var response = McpHttp.responseFrom(r, 5);
    assertFalse(response.getJsonObject("result").containsKey("isError"), r.body());
    assertEquals(
        "emulator",
        response.getJsonObject("result").getJsonObject("structuredContent").getString("backend"));
  }
}
