package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.it.McpHttp.SseEvent;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The 2024-11-05 HTTP+SSE transport: by hand over HTTP, and with the Inspector's SSE client. */
@ExtendWith(ArquillianExtension.class)
class LegacySseIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void theEndpointEventNamesWhereToPostAndAnswersArriveOnTheStream() throws Exception {
    String base = "http://127.0.0.1:" + Ports.http();
    HttpResponse<Stream<String>> sse =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/sse"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, sse.statusCode());
    Iterator<String> lines = sse.body().iterator();
    SseEvent endpoint = SseEvent.next(lines);
    assertEquals("endpoint", endpoint.event());
    assertTrue(endpoint.data().startsWith("/messages?sessionId="), endpoint.data());
    URI post = URI.create(base + endpoint.data());

    assertEquals(
        202,
        send(
            post,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}"));
    JsonObject init = McpHttp.parse(SseEvent.next(lines).data());
    assertEquals("2024-11-05", init.getJsonObject("result").getString("protocolVersion"));
    assertEquals(202, send(post, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    assertEquals(
        202,
        send(
            post,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\"}}"));
    SseEvent answer = SseEvent.next(lines);
    assertEquals("message", answer.event());
    assertEquals(
        "emulator",
        McpHttp.parse(answer.data())
            .getJsonObject("result")
            .getJsonObject("structuredContent")
            .getString("backend"));

    assertEquals(
        404,
        send(
            URI.create(base + "/messages?sessionId=nope"),
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"));
    assertEquals(
        400,
        send(URI.create(base + "/messages"), "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"));
    assertEquals(400, send(post, "{oops"));
  }

  @Test
  void theInspectorListsToolsOverSse() throws Exception {
    NodeTools.Result r =
        NodeTools.run(
            List.of(
                NodeTools.node(),
                NodeTools.nodeDir().resolve("node_modules/.bin/mcp-inspector").toString(),
                "--cli",
                "http://127.0.0.1:" + Ports.http() + "/sse",
                "--transport",
                "sse",
                "--method",
                "tools/list"),
            120);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("\"execute_powerbi_query\""), r.output());
  }

  private static int send(URI uri, String body) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
