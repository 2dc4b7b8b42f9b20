package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 2026-07-28 transport rules the conformance suite does not cover: the log level comes from
 * {@code _meta}, a closed response stream cancels the work, GET and DELETE answer 405, and a stray
 * session header changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ModernEraIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void logMessagesFollowTheLevelInMeta() throws Exception {
    ModernClient c = new ModernClient(Ports.http());
    JsonObject quiet = Json.createObjectBuilder().add("name", "test_logging_tool").build();
    HttpResponse<String> none = c.send("tools/call", quiet);
    assertTrue(!none.body().contains("notifications/message"), none.body());
    JsonObject loud =
        Json.createObjectBuilder(quiet)
            .add(
                "_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/logLevel", "info"))
            .build();
    HttpResponse<String> some = c.send("tools/call", loud);
    assertTrue(some.body().contains("\"notifications/message\""), some.body());
    assertTrue(some.body().contains("log message 3"), some.body());
    JsonObject warningOnly =
        Json.createObjectBuilder(quiet)
            .add(
                "_meta",
                Json.createObjectBuilder().add("io.modelcontextprotocol/logLevel", "warning"))
            .build();
    assertTrue(!c.send("tools/call", warningOnly).body().contains("notifications/message"));
  }

  @Test
  void closingTheResponseStreamCancelsTheWork() throws Exception {
    ModernClient c = new ModernClient(Ports.http());
    int before = counters(c).getInt("cancelled");
    JsonObject params =
        Json.createObjectBuilder()
            .add("name", "fixture_wait")
            .add("arguments", Json.createObjectBuilder().add("steps", 300))
            .add("_meta", Json.createObjectBuilder().add("progressToken", "p1"))
            .build();
    HttpResponse<Stream<String>> stream =
        ModernClient.http()
            .send(c.request("tools/call", params, Map.of()), HttpResponse.BodyHandlers.ofLines());
    assertTrue(
        stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    Iterator<String> lines = stream.body().iterator();
    for (int seen = 0; seen < 2 && lines.hasNext(); ) {
      if (lines.next().contains("notifications/progress")) {
        seen++;
      }
    }
    stream.body().close();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (counters(c).getInt("cancelled") == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertEquals(before + 1, counters(c).getInt("cancelled"), "the work stopped with the stream");
  }

  @Test
  void getAndDeleteAreNotPartOfTheEraAndStraySessionHeadersChangeNothing() throws Exception {
    URI mcp = URI.create("http://127.0.0.1:" + Ports.http() + "/mcp");
    for (String method : new String[] {"GET", "DELETE"}) {
      HttpResponse<String> r =
          ModernClient.http()
              .send(
                  HttpRequest.newBuilder(mcp)
                      .method(method, HttpRequest.BodyPublishers.noBody())
                      .header("Accept", "text/event-stream")
                      .header("MCP-Protocol-Version", ModernClient.VERSION)
                      .header("Mcp-Session-Id", "stray")
                      .header("Last-Event-ID", "stray_1")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode(), method);
    }
    ModernClient c = new ModernClient(Ports.http());
    HttpResponse<String> served =
        ModernClient.http()
            .send(
                c.request(
                    "tools/list",
                    JsonObject.EMPTY_JSON_OBJECT,
                    Map.of("Mcp-Session-Id", "not-a-session", "Last-Event-ID", "x_1")),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, served.statusCode(), served.body());
    assertEquals(
        "complete", McpHttp.parse(served.body()).getJsonObject("result").getString("resultType"));
  }

  @Test
  void roundTripsNeedDeclaredCapabilitiesAndAnUnalteredState() throws Exception {
    JsonObject ask =
        Json.createObjectBuilder().add("name", "test_input_required_result_elicitation").build();
    HttpResponse<String> undeclared = new ModernClient(Ports.http()).send("tools/call", ask);
    assertEquals(400, undeclared.statusCode());
    JsonObject error = McpHttp.parse(undeclared.body()).getJsonObject("error");
    assertEquals(-32021, error.getInt("code"));
    assertTrue(
        error
            .getJsonObject("data")
            .getJsonObject("requiredCapabilities")
            .containsKey("elicitation"));

    ModernClient c =
        new ModernClient(
            Ports.http(),
            Json.createObjectBuilder().add("elicitation", JsonObject.EMPTY_JSON_OBJECT).build());
    JsonObject round1 = c.result("tools/call", ask);
    assertEquals("input_required", round1.getString("resultType"));
    assertTrue(round1.getJsonObject("inputRequests").containsKey("user_name"));
    String state = round1.getString("requestState");
    String altered =
        state.substring(0, 5) + (state.charAt(5) == 'A' ? 'B' : 'A') + state.substring(6);
    JsonObject answers =
        Json.createObjectBuilder()
            .add(
                "user_name",
                Json.createObjectBuilder()
                    .add("action", "accept")
                    .add("content", Json.createObjectBuilder().add("name", "Ann")))
            .build();
    JsonObject tampered =
        c.call(
            "tools/call",
            Json.createObjectBuilder(ask)
                .add("inputResponses", answers)
                .add("requestState", altered)
                .build());
    assertEquals(-32602, tampered.getJsonObject("error").getInt("code"), tampered.toString());
    JsonObject otherTool =
        c.call(
            "tools/call",
            Json.createObjectBuilder()
                .add("name", "test_input_required_result_request_state")
                .add("inputResponses", answers)
                .add("requestState", state)
                .build());
    assertEquals(-32602, otherTool.getJsonObject("error").getInt("code"), "bound to its tool");
  }

  /**
   * subscriptions/listen: the acknowledgement names what was accepted and carries the request id as
   * subscription id; then a resource update and a list change arrive, tagged with it.
   */
  @Test
  void aListenStreamCarriesResourceUpdatesAndListChanges() throws Exception {
    ModernClient c = new ModernClient(Ports.http());
    JsonObject params =
        Json.createObjectBuilder()
            .add(
                "notifications",
                Json.createObjectBuilder()
                    .add("toolsListChanged", true)
                    .add("unknownListChanged", true)
                    .add(
                        "resourceSubscriptions",
                        Json.createArrayBuilder().add("fixture://counters")))
            .build();
    HttpResponse<Stream<String>> stream =
        ModernClient.http()
            .send(
                c.request("subscriptions/listen", params, Map.of()),
                HttpResponse.BodyHandlers.ofLines());
    int listenId = 1;
    Iterator<String> lines = stream.body().iterator();
    JsonObject ack = nextMessage(lines);
    assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
    JsonObject accepted = ack.getJsonObject("params").getJsonObject("notifications");
    assertEquals(
        Json.createObjectBuilder()
            .add("toolsListChanged", true)
            .add("resourceSubscriptions", Json.createArrayBuilder().add("fixture://counters"))
            .build(),
        accepted);
    assertEquals(
        listenId,
        ack.getJsonObject("params")
            .getJsonObject("_meta")
            .getInt("io.modelcontextprotocol/subscriptionId"));

    ModernClient other = new ModernClient(Ports.http());
    other.result(
        "tools/call",
        Json.createObjectBuilder()
            .add("name", "fixture_touch")
            .add("arguments", Json.createObjectBuilder().add("uri", "fixture://counters"))
            .build());
    JsonObject updated = nextMessage(lines);
    assertEquals("notifications/resources/updated", updated.getString("method"));
    assertEquals("fixture://counters", updated.getJsonObject("params").getString("uri"));
    assertEquals(
        listenId,
        updated
            .getJsonObject("params")
            .getJsonObject("_meta")
            .getInt("io.modelcontextprotocol/subscriptionId"));
    other.result(
        "tools/call", Json.createObjectBuilder().add("name", "test_trigger_tool_change").build());
    assertEquals("notifications/tools/list_changed", nextMessage(lines).getString("method"));
    stream.body().close();
  }

  private static JsonObject nextMessage(Iterator<String> lines) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data:") && line.length() > 6) {
        return McpHttp.parse(line.substring(5).strip());
      }
    }
    throw new AssertionError("the stream ended");
  }

  private static JsonObject counters(ModernClient c) throws Exception {
    JsonObject read =
        c.result(
            "resources/read", Json.createObjectBuilder().add("uri", "fixture://counters").build());
    return McpHttp.parse(read.getJsonArray("contents").getJsonObject(0).getString("text"));
  }
}
