package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.it.RawHttp.Raw;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests a fuzzer found to end as 500s, Java-internal pages or unmatchable answers, each sent
 * as raw bytes (an HTTP library would refuse to send most of them): every answer is a 4xx that
 * names no Java class, with a JSON-RPC body on the MCP paths.
 */
@ExtendWith(ArquillianExtension.class)
class HostileRequestsIT {
  // Liberty refuses "/%" below any application with a page of its own that quotes its message
  // id CWWWC0005I; that page names no class, so the fuzzer's rule holds there too.
  private static final Pattern LEAK = Fuzzer.LEAK;
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json;q=\"",
        "text/event-stream;q=abc",
        "application/json;charset=\"utf-8"
      })
  void aMalformedAcceptGets400WithAJsonRpcError(String accept) throws Exception {
    for (String path : new String[] {"/mcp", "/messages?sessionId=x"}) {
      Raw r = post(path, "Accept: " + accept + "\r\nContent-Type: application/json\r\n", PING);
      assertEquals(400, r.status(), path + " " + accept + ": " + r);
      assertTrue(r.body().startsWith("{"), path + " " + accept + ": " + r);
      assertEquals(-32600, McpHttp.parse(r.body()).getJsonObject("error").getInt("code"), r.body());
      assertTrue(r.body().contains("Accept"), "the answer names the header: " + r.body());
    }
    Raw sse = send("GET /sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\n", "");
    assertEquals(400, sse.status(), sse.toString());
    Raw metadata =
        send(
            "GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                + accept
                + "\r\n",
            "");
    assertEquals(400, metadata.status(), metadata.toString());
    assertTrue(metadata.headers().toLowerCase().contains("text/plain"), metadata.toString());
  }

  @Test
  void aParameterWithoutAValueIsRefusedByLibertyItselfWithABare400() throws Exception {
    Raw r =
        post(
            "/mcp",
            "Accept: application/json, text/event-stream;q=\r\nContent-Type: application/json\r\n",
            PING);
    assertEquals(400, r.status(), r.toString());
    assertFalse(LEAK.matcher(r.toString()).find(), r.toString());
  }

  @Test
  void aMalformedContentTypeGets400() throws Exception {
    Raw r = post("/mcp", "Content-Type: application/json;charset=\"x\r\n", PING);
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.body().contains("Content-Type"), r.body());
  }

  @Test
  void gzipNamedOnAPlainBodyIs400OnBothDoors() throws Exception {
    for (String path : new String[] {"/mcp", "/messages?sessionId=x"}) {
      Raw r = post(path, "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", PING);
      assertTrue(r.status() == 400 || r.status() == 404, path + ": " + r);
      assertFalse(LEAK.matcher(r.toString()).find(), r.toString());
    }
  }

  @Test
  void anIdThatIsNotUnicodeTextIsRefusedNotAnsweredAsAQuestionMark() throws Exception {
    Raw r =
        post(
            "/mcp",
            "Content-Type: application/json\r\n",
            "{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}");
    assertEquals(400, r.status(), r.toString());
    JsonObject answer = McpHttp.parse(r.body());
    assertEquals(-32600, answer.getJsonObject("error").getInt("code"));
    assertTrue(answer.isNull("id"), r.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/mcp#x",
        "/m%23cp",
        "/%",
        "/WEB-INF/web.xml",
        "/META-INF/MANIFEST.MF",
        "/WEB-INF/classes/",
        "/nothing-here"
      })
  void strangePathsGetNoJavaInternals(String path) throws Exception {
    Raw r = send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n", "");
    assertTrue(r.status() >= 400 && r.status() < 500, path + ": " + r);
    assertFalse(LEAK.matcher(r.toString()).find(), path + " leaks: " + r);
  }

  private static Raw post(String path, String headers, String body) throws Exception {
    return send(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nMcp-Session-Id: "
            + client.sessionId()
            + "\r\nMCP-Protocol-Version: 2025-11-25\r\n"
            + headers,
        body);
  }

  private static Raw send(String head, String body) throws Exception {
    return RawHttp.send(Ports.http(), head, body.getBytes(StandardCharsets.UTF_8));
  }
}
