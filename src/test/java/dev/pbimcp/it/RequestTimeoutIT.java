package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.it.McpHttp.SseEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PBIMCP_REQUEST_TIMEOUT_SECONDS on both doors: a call still running after it is stopped and
 * answered with an error, over Streamable HTTP and over the HTTP+SSE transport's /messages alike;
 * and /messages takes the same body rules as /mcp.
 */
@ExtendWith(ArquillianExtension.class)
class RequestTimeoutIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SLOW =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"fixture_wait\","
          + "\"arguments\":{\"steps\":60}}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void aCallPastTheTimeoutIsStoppedOnEveryDoor() throws Exception {
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-timeout",
                Ports.second(),
                "timeout-test-session-key-0123456789abcdef",
                Map.of("pbimcp.request-timeout-seconds", "1"),
                TestDeployments.productWithFixturesFile())
            .start()) {
      McpHttp mcp = McpHttp.on(server.port());
      mcp.initialize();
      JsonObject viaMcp =
          mcp.call(
              "tools/call",
              Json.createReader(new java.io.StringReader(SLOW))
                  .readObject()
                  .getJsonObject("params"));
      assertTrue(viaMcp.toString().contains("took longer than 1 s"), viaMcp.toString());

      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<Stream<String>> sse =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/sse"))
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      Iterator<String> lines = sse.body().iterator();
      URI post = URI.create(base + SseEvent.next(lines).data());
      assertEquals(
          202,
          send(
              post,
              "application/json",
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                  + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}",
              null));
      SseEvent.next(lines);
      assertEquals(202, send(post, "application/json", SLOW, null));
      String answer = SseEvent.next(lines).data();
      assertTrue(answer.contains("\"id\":7") && answer.contains("took longer than 1 s"), answer);

      assertEquals(415, send(post, "text/plain", "{}", null), "the same body rules as /mcp");
      assertEquals(
          400,
          send(
              post,
              "application/json",
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
              "gzip"),
          "a body that is not what its Content-Encoding says is unreadable, not a server failure");
      sse.body().close();
    }
  }

  private static int send(URI uri, String type, String body, String encoding) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
