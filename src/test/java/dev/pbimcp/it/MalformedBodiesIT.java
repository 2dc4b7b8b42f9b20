package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken bodies: each gets a JSON-RPC error or a 4xx, never a 5xx and never a stack
 * trace. (A well-formed notification among them gets its 202.)
 */
@ExtendWith(ArquillianExtension.class)
class MalformedBodiesIT {
  private static McpHttp client;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @BeforeAll
  static void open() throws Exception {
    client = McpHttp.on(Ports.http());
    client.initialize();
  }

  static Stream<String> bodies() {
    List<String> b = new ArrayList<>();
    b.add("");
    b.add(" ");
    b.add("{");
    b.add("}");
    b.add("nul");
    b.add("null");
    b.add("true");
    b.add("42");
    b.add("\"a string\"");
    b.add("[]");
    b.add("[1,2,3]");
    b.add("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    b.add("{}");
    b.add("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":null}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":\"x\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":42}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":[]}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":\"x\"}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":{\"extra\":1}}}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":null}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":1}}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"test_prompt_with_arguments\"}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":{\"ref\":5}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":7}}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":7}}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}");
    b.add(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":{}}}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1e999,\"method\":\"ping\"}");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}");
    b.add("[".repeat(5000) + "]".repeat(5000));
    b.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
    b.add(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
            + "y".repeat(5_000_000)
            + "\"}}");
    b.add("\u0000\u0001\u0002");
    b.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing");
    return b.stream();
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void neverA5xxNorAStackTrace(String body) throws Exception {
    HttpResponse<String> r = client.post(body, Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertTrue(r.statusCode() < 500, "status " + r.statusCode() + " for " + abbreviate(body));
    assertFalse(r.body().contains("Exception"), r.body());
    assertFalse(r.body().contains("\tat "), r.body());
    if (r.statusCode() != 202) {
      JsonObject answer = McpHttp.responseFrom(r, 1);
      assertTrue(answer.containsKey("error") || answer.containsKey("result"), r.body());
      if (r.statusCode() >= 400) {
        assertEquals("2.0", answer.getString("jsonrpc"));
        assertTrue(answer.containsKey("error"), r.body());
      }
    }
  }

  /** A second message after the first is not one JSON value: refused, not half answered. */
  @Test
  void aBodyOfTwoValuesIsAParseError() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    HttpResponse<String> r = client.post(ping + " " + ping, Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(
        -32700, McpHttp.responseFrom(r, 1).getJsonObject("error").getInt("code"), r.body());
    HttpResponse<String> alone = client.post(ping + "\r\n", Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertEquals(200, alone.statusCode(), alone.body());
  }

  private static String abbreviate(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "…" : body;
  }
}
