package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every protocol revision against one running server: list, call, read and get through the
 * transport and handshake (or none) of each; and a modern-first client that ends up connected
 * whether or not the server serves the 2026-07-28 era.
 */
@ExtendWith(ArquillianExtension.class)
class VersionMatrixIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonObject LIST = JsonObject.EMPTY_JSON_OBJECT;
  private static final JsonObject CALL =
      Json.createObjectBuilder().add("name", "get_powerbi_status").build();
  private static final JsonObject READ =
      Json.createObjectBuilder().add("uri", "test://static-text").build();
  private static final JsonObject GET =
      Json.createObjectBuilder()
          .add("name", "explore_powerbi_model")
          .add(
              "arguments",
              Json.createObjectBuilder().add("workspace_id", "w").add("dataset_id", "d"))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void everyRevisionListsCallsReadsAndGets() throws Exception {
    int port = Ports.http();
    for (String version : new String[] {"2025-06-18", "2025-11-25"}) {
      McpHttp c = McpHttp.on(port);
      assertEquals(
          version,
          c.initialize(version, JsonObject.EMPTY_JSON_OBJECT).getString("protocolVersion"));
      assertFour(
          c.result("tools/list", LIST),
          c.result("tools/call", CALL),
          c.result("resources/read", READ),
          c.result("prompts/get", GET),
          version);
    }

    McpHttp batch = McpHttp.on(port);
    batch.initialize("2025-03-26", JsonObject.EMPTY_JSON_OBJECT);
    String body =
        Json.createArrayBuilder()
            .add(McpHttp.request(11, "tools/list", LIST))
            .add(McpHttp.request(12, "tools/call", CALL))
            .add(McpHttp.request(13, "resources/read", READ))
            .add(McpHttp.request(14, "prompts/get", GET))
            .build()
            .toString();
    JsonArray answers =
        McpHttp.parse(
                "{\"a\":" + batch.post(body, Map.of("Accept", McpHttp.ACCEPT_BOTH)).body() + "}")
            .getJsonArray("a");
    assertEquals(4, answers.size(), "one JSON-RPC batch, four answers");
    assertFour(
        answers.getJsonObject(0).getJsonObject("result"),
        answers.getJsonObject(1).getJsonObject("result"),
        answers.getJsonObject(2).getJsonObject("result"),
        answers.getJsonObject(3).getJsonObject("result"),
        "2025-03-26 batch");

    ModernClient modern = new ModernClient(port);
    JsonObject[] results = {
      modern.result("tools/list", LIST),
      modern.result("tools/call", CALL),
      modern.result("resources/read", READ),
      modern.result("prompts/get", GET)
    };
    assertFour(results[0], results[1], results[2], results[3], "2026-07-28");
    for (JsonObject r : results) {
      assertEquals("complete", r.getString("resultType"), r.toString());
    }
    assertTrue(results[0].getInt("ttlMs") >= 0);
    assertEquals("public", results[0].getString("cacheScope"));

    legacySse(port);
  }

  /** 2024-11-05: the HTTP+SSE transport, answers arriving as message events. */
  private static void legacySse(int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    HttpResponse<Stream<String>> sse =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/sse"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = sse.body().iterator();
    URI post = URI.create(base + McpHttp.SseEvent.next(lines).data());
    send(
        post,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}");
    assertEquals("2024-11-05", next(lines).getString("protocolVersion"));
    send(post, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    JsonObject[] r = new JsonObject[4];
    String[] methods = {"tools/list", "tools/call", "resources/read", "prompts/get"};
    JsonObject[] params = {LIST, CALL, READ, GET};
    for (int i = 0; i < 4; i++) {
      send(post, McpHttp.request(20 + i, methods[i], params[i]).toString());
      r[i] = next(lines);
    }
    assertFour(r[0], r[1], r[2], r[3], "2024-11-05 over HTTP+SSE");
  }

  /**
   * A modern-first client probes with server/discover and falls back to initialize on a 4xx without
   * a recognised modern error (the versioning page's rule), in both setups.
   */
  @Test
  void aModernFirstClientConnectsToAModernAndToALegacySetup() throws Exception {
    assertEquals("modern", connect(Ports.http()));
    try (ExtraServer legacyOnly =
        new ExtraServer(
                "pbimcp-legacy-only",
                Ports.second(),
                "legacy-only-session-key-0123456789abcdef",
                Map.of("pbimcp.protocol.modern-era", "false"))
            .start()) {
      assertEquals("legacy", connect(legacyOnly.port()));
    }
  }

  private static String connect(int port) throws Exception {
    ModernClient modern = new ModernClient(port);
    HttpResponse<String> probe = modern.send("server/discover", JsonObject.EMPTY_JSON_OBJECT);
    JsonObject body = McpHttp.parse(probe.body());
    int code = body.containsKey("error") ? body.getJsonObject("error").getInt("code") : 0;
    boolean modernError = Set.of(-32020, -32021, -32022).contains(code);
    if (probe.statusCode() == 200 && body.containsKey("result")) {
      assertTrue(
          body.getJsonObject("result")
              .getJsonArray("supportedVersions")
              .toString()
              .contains("2026-07-28"));
      assertFalse(modern.result("tools/call", CALL).getBoolean("isError", false));
      return "modern";
    }
    assertTrue(probe.statusCode() >= 400 && probe.statusCode() < 500 && !modernError, probe.body());
    McpHttp legacy = McpHttp.on(port);
    legacy.initialize();
    assertFalse(
        legacy
            .callTool("get_powerbi_status", JsonObject.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false));
    return "legacy";
  }

  private static void assertFour(
      JsonObject list, JsonObject call, JsonObject read, JsonObject get, String revision) {
    assertTrue(
        list.getJsonArray("tools").toString().contains("\"execute_powerbi_query\""), revision);
    assertEquals(
        "emulator", call.getJsonObject("structuredContent").getString("backend"), revision);
    assertEquals(
        "This is the content of the static text resource.",
        read.getJsonArray("contents").getJsonObject(0).getString("text"),
        revision);
    assertTrue(
        get.getJsonArray("messages").toString().contains("get_powerbi_model_schema"), revision);
  }

  private static JsonObject next(Iterator<String> lines) {
    return McpHttp.parse(McpHttp.SseEvent.next(lines).data()).getJsonObject("result");
  }

  private static void send(URI uri, String body) throws Exception {
    int status =
        HTTP.send(
                HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    assertEquals(202, status, body);
  }
}
