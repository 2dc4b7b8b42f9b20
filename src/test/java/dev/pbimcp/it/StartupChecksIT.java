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
 * An invalid setting stops the application at start-up with the setting's name, instead of a banner
 * saying ready and a first request that fails with a 500.
 */
@ExtendWith(ArquillianExtension.class)
class StartupChecksIT {
  private static final String GOOD_KEY = "a-session-key-long-enough-0123456789";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void aShortSessionKeyStopsTheServer() throws Exception {
    refused("pbimcp-short-key", "short-key", Map.of(), "PBIMCP_SESSION_KEY must be at least 32");
  }

  @Test
  void aResultBudgetTooSmallStopsTheServer() throws Exception {
    refused(
        "pbimcp-tiny-budget",
        GOOD_KEY,
        Map.of("pbimcp.result.max-chars", "500"),
        "PBIMCP_RESULT_MAX_CHARS is 500; it must be at least 10000");
  }

  @Test
  void aSessionLifetimeOfZeroStopsTheServer() throws Exception {
    refused(
        "pbimcp-no-ttl",
        GOOD_KEY,
        Map.of("pbimcp.session.ttl-hours", "0"),
        "PBIMCP_SESSION_TTL_HOURS must be 1 or more");
  }

  @Test
  void noRoomForRequestsStopsTheServer() throws Exception {
    refused(
        "pbimcp-no-workers",
        GOOD_KEY,
        Map.of("pbimcp.max-concurrent-requests", "0"),
        "PBIMCP_MAX_CONCURRENT_REQUESTS must be 1 or more, not 0");
  }

  private static void refused(String name, String key, Map<String, String> settings, String message)
      throws Exception {
    try (ExtraServer server = new ExtraServer(name, Ports.third(), key, settings)) {
      String log = server.startAndReadLog();
      assertTrue(log.contains(message), "the log names the setting: " + tail(log));
      assertFalse(log.contains("pbimcp is ready"), "no banner says ready");
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode(), "the application is not serving: " + r.body());
    }
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 3000));
  }
}
