package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Streamable HTTP rules, status code by status code, over real HTTP to Liberty. */
@ExtendWith(ArquillianExtension.class)
class TransportIT {
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  private McpHttp client;

  @BeforeEach
  void open() throws Exception {
    client = McpHttp.on(Ports.http());
    client.initialize();
  }

  @Test
  void initializeIssuesSessionAndNegotiatesVersions() throws Exception {
    for (String v : new String[] {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
      assertEquals(
          v,
          McpHttp.on(Ports.http())
              .initialize(v, JsonValue.EMPTY_JSON_OBJECT)
              .getString("protocolVersion"));
    }
    JsonObject future =
        McpHttp.on(Ports.http()).initialize("2099-01-01", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals("2025-11-25", future.getString("protocolVersion"));
    assertTrue(client.sessionId().chars().allMatch(c -> c >= 0x21 && c <= 0x7e));
  }

  /**
   * Clients do not resend a POST whose connection closed under it, so the server never ends a
   * kept-alive connection on its own after some number of requests (server.xml's httpOptions: with
   * maxKeepAliveRequests="100" the 100th answer says "Connection: close").
   */
  @Test
  void oneConnectionCarriesManyCallsAndIsNeverClosedByTheServer() throws Exception {
    int calls = 250;
    java.util.List<Integer> statuses =
        RawHttp.keptAlive(
            Ports.http(),
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:"
                + Ports.http()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Mcp-Session-Id: "
                + client.sessionId()
                + "\r\nMCP-Protocol-Version: 2025-11-25\r\n",
            LIST.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            calls);
    assertEquals(calls, statuses.size(), "answers before the connection ended: " + statuses.size());
    assertEquals(java.util.List.of(200), statuses.stream().distinct().toList());
  }

  @Test
  void withoutASessionLegacyRequestsAre400AndModernOnesAreJudgedAsModern() throws Exception {
    HttpResponse<String> legacy =
        new McpHttp(client.endpoint()).post(LIST, Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertEquals(400, legacy.statusCode());
    assertEquals(-32000, McpHttp.parse(legacy.body()).getJsonObject("error").getInt("code"));
    var probe =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":"
            + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
    HttpResponse<String> r =
        new McpHttp(client.endpoint())
            .post(
                probe,
                Map.of(
                    "Accept",
                    McpHttp.ACCEPT_BOTH,
                    "MCP-Protocol-Version",
                    "2026-07-28",
                    "Mcp-Method",
                    "server/discover"));
    assertEquals(400, r.statusCode());
    // A modern answer: the probe lacks _meta's client capabilities (-32602), not a session.
    assertEquals(-32602, McpHttp.parse(r.body()).getJsonObject("error").getInt("code"));
    // A client falling back may still send the modern version header: initialize is legacy.
    HttpResponse<String> init =
        new McpHttp(client.endpoint())
            .post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"fallback\",\"version\":\"1\"}}}",
                Map.of("Accept", McpHttp.ACCEPT_BOTH, "MCP-Protocol-Version", "2026-07-28"));
    assertEquals(200, init.statusCode(), init.body());
    assertTrue(init.headers().firstValue("Mcp-Session-Id").isPresent());
  }

  @Test
  void unknownForgedOrEndedSessionIs404() throws Exception {
    assertEquals(404, client.post(LIST, Map.of("Mcp-Session-Id", "nope.nope")).statusCode());
    String forged = client.sessionId().substring(0, client.sessionId().length() - 4) + "AAAA";
    assertEquals(404, client.post(LIST, Map.of("Mcp-Session-Id", forged)).statusCode());
    assertEquals(204, client.send("DELETE", Map.of()).statusCode());
    assertEquals(404, client.post(LIST, Map.of()).statusCode());
  }

  @Test
  void notificationsAndResponsesAre202WithoutBody() throws Exception {
    HttpResponse<String> n =
        client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
    assertEquals(202, n.statusCode());
    assertTrue(n.body().isEmpty());
    HttpResponse<String> r =
        client.post("{\"jsonrpc\":\"2.0\",\"id\":\"srv-x\",\"result\":{}}", Map.of());
    assertEquals(202, r.statusCode());
  }

  @Test
  void lenientAcceptAnswersJson() throws Exception {
    for (String accept : new String[] {"*/*", "application/json"}) {
      HttpResponse<String> r = client.post(LIST, Map.of("Accept", accept));
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertTrue(McpHttp.parse(r.body()).getJsonObject("result").containsKey("tools"));
    }
  }

  @Test
  void protocolVersionHeaderIsChecked() throws Exception {
    assertEquals(400, client.post(LIST, Map.of("MCP-Protocol-Version", "1999-01-01")).statusCode());
    // Another supported revision is tolerated (the conformance suite sends 2025-03-26 mid-session).
    assertEquals(200, client.post(LIST, Map.of("MCP-Protocol-Version", "2025-03-26")).statusCode());
  }

  @Test
  void mcpMethodAndNameHeadersAreToleratedOnLegacyRequests() throws Exception {
    var call =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\"}}";
    HttpResponse<String> r =
        client.post(
            call,
            Map.of(
                "Accept",
                McpHttp.ACCEPT_BOTH,
                "Mcp-Method",
                "tools/call",
                "Mcp-Name",
                "get_powerbi_status"));
    assertEquals(200, r.statusCode());
    assertFalse(McpHttp.responseFrom(r, 9).getJsonObject("result").containsKey("isError"));
  }

  @Test
  void foreignOriginAndForeignHostAre403() throws Exception {
    assertEquals(403, client.post(LIST, Map.of("Origin", "https://evil.example.com")).statusCode());
    assertEquals(200, client.post(LIST, Map.of("Origin", "https://claude.ai")).statusCode());
    assertEquals(200, client.post(LIST, Map.of("Origin", "http://localhost:6274")).statusCode());
    assertEquals(403, RawHttp.post(Ports.http(), "evil.example.com", LIST).status());
  }

  @Test
  void wrongMethodsAndMediaTypes() throws Exception {
    assertEquals(405, client.send("PUT", Map.of()).statusCode());
    assertEquals(406, client.send("GET", Map.of("Accept", "application/json")).statusCode());
    assertEquals(415, client.post(LIST, Map.of("Content-Type", "text/plain")).statusCode());
    assertEquals(
        400,
        client
            .send("GET", Map.of("Accept", "text/event-stream", "Mcp-Session-Id", ""))
            .statusCode());
  }

  @Test
  void listsArePagedWithCursors() throws Exception {
    Set<String> names = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      var params = Json.createObjectBuilder();
      if (cursor != null) {
        params.add("cursor", cursor);
      }
      JsonObject page = client.result("tools/list", params.build());
      page.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
      cursor = page.getString("nextCursor", null);
      pages++;
    } while (cursor != null && pages < 10);
    assertTrue(names.contains("get_powerbi_status"));
    assertTrue(names.contains("test_simple_text"));
    JsonObject bad =
        client.call("tools/list", Json.createObjectBuilder().add("cursor", "garbage!").build());
    assertEquals(-32602, bad.getJsonObject("error").getInt("code"));
  }

  @Test
  void protocolErrorsHaveTheSpecCodes() throws Exception {
    assertEquals(-32601, error(client.call("no/such/method", JsonValue.EMPTY_JSON_OBJECT)));
    assertEquals(
        -32602,
        error(client.call("tools/call", Json.createObjectBuilder().add("name", "nope").build())));
    assertEquals(
        -32002,
        error(
            client.call(
                "resources/read", Json.createObjectBuilder().add("uri", "test://none").build())));
    assertEquals(
        -32602,
        error(
            client.call(
                "logging/setLevel", Json.createObjectBuilder().add("level", "loud").build())));
  }

  @Test
  void invalidToolArgumentsAreToolErrorsNotProtocolErrors() throws Exception {
    JsonObject r =
        client.callTool("fixture_wait", Json.createObjectBuilder().add("steps", "many").build());
    assertTrue(r.getBoolean("isError"));
    String text = r.getJsonArray("content").getJsonObject(0).getString("text");
    assertTrue(text.contains("arguments.steps"), text);
  }

  private static int error(JsonObject response) {
    return response.getJsonObject("error").getInt("code");
  }
}
