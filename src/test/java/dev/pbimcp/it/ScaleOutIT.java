package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
      restOfAnAnswerOnAnotherInstance(a, viaB);
      b.stop();
      b.start();
      assertServed(viaB.post(STATUS, Map.of("Accept", McpHttp.ACCEPT_BOTH)));

      McpHttp viaC = on(c.port()).withSession(a.sessionId(), "2025-11-25");
      assertEquals(404, viaC.post(STATUS, Map.of("Accept", McpHttp.ACCEPT_BOTH)).statusCode());
    }
  }

  /** A large answer's next page and its link, made on one instance, are served by another. */
  private static void restOfAnAnswerOnAnotherInstance(McpHttp a, McpHttp viaB) throws Exception {
    JsonObject args =
        Json.createObjectBuilder()
            .add("workspace_id", SampleIds.workspace("Sales Analytics"))
            .add("dataset_id", SampleIds.dataset("Sales"))
            .add("queries", Json.createArrayBuilder().add("EVALUATE 'Sales'"))
            .build();
    JsonObject first =
        a.callTool("execute_powerbi_query", args)
            .getJsonObject("structuredContent")
            .getJsonArray("results")
            .getJsonObject(0);
    long next = first.getJsonNumber("next_offset").longValue();
    JsonObject page =
        viaB.callTool(
                "execute_powerbi_query", Json.createObjectBuilder(args).add("offset", next).build())
            .getJsonObject("structuredContent")
            .getJsonArray("results")
            .getJsonObject(0);
    assertEquals(next, page.getJsonNumber("first_row").longValue(), "the next page, elsewhere");
    JsonObject read =
        viaB.result(
            "resources/read",
            Json.createObjectBuilder().add("uri", first.getString("rest_uri")).build());
    assertTrue(
        read.getJsonArray("contents").getJsonObject(0).getString("text").startsWith("Sales["),
        "the link made on one instance is read on another");
  }

  /**
   * 2026-07-28 requests carry everything: alternated between two instances that share nothing but
   * configuration, all succeed, including a multi round-trip request whose first round one instance
   * answers and whose retry the other completes (the requestState is signed with the shared key);
   * an instance with another key refuses that state.
   */
  @Test
  void statelessRequestsRoundRobinAcrossInstancesThatShareOnlyConfig() throws Exception {
    java.nio.file.Path war = TestDeployments.productWithFixturesFile();
    try (ExtraServer b =
            new ExtraServer("pbimcp-b", Ports.second(), SHARED_KEY, Map.of(), war).start();
        ExtraServer c =
            new ExtraServer(
                    "pbimcp-c",
                    Ports.third(),
                    "another-key-entirely-0123456789abcdefgh",
                    Map.of(),
                    war)
                .start()) {
      JsonObject elicitation =
          Json.createObjectBuilder().add("elicitation", JsonObject.EMPTY_JSON_OBJECT).build();
      ModernClient[] both = {
        new ModernClient(Ports.http(), elicitation), new ModernClient(b.port(), elicitation)
      };
      JsonObject call = Json.createObjectBuilder().add("name", "get_powerbi_status").build();
      for (int i = 0; i < 10; i++) {
        JsonObject r = both[i % 2].result("tools/call", call);
        assertEquals("emulator", r.getJsonObject("structuredContent").getString("backend"));
        assertEquals(
            "complete",
            both[i % 2].result("tools/list", JsonObject.EMPTY_JSON_OBJECT).getString("resultType"));
      }
      JsonObject ask =
          Json.createObjectBuilder().add("name", "test_input_required_result_elicitation").build();
      JsonObject round1 = both[0].result("tools/call", ask);
      assertEquals("input_required", round1.getString("resultType"), round1.toString());
      JsonObject retry =
          Json.createObjectBuilder(ask)
              .add(
                  "inputResponses",
                  Json.createObjectBuilder()
                      .add(
                          "user_name",
                          Json.createObjectBuilder()
                              .add("action", "accept")
                              .add("content", Json.createObjectBuilder().add("name", "Ann"))))
              .add("requestState", round1.getString("requestState"))
              .build();
      JsonObject round2 = both[1].result("tools/call", retry);
      assertEquals(
          "Hello, Ann!", round2.getJsonArray("content").getJsonObject(0).getString("text"));
      JsonObject elsewhere = new ModernClient(c.port(), elicitation).call("tools/call", retry);
      assertEquals(-32602, elsewhere.getJsonObject("error").getInt("code"), elsewhere.toString());
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
