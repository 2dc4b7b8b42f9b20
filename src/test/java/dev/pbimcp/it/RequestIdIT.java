package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer names its request: the caller's X-Request-Id (a plain token) or one the server made,
 * in the X-Request-Id header, in a tool error's sentence, in a JSON-RPC error's data, and in the
 * audit line, so a user can quote it and an operator find the lines.
 */
@ExtendWith(ArquillianExtension.class)
class RequestIdIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  private static HttpResponse<String> post(McpHttp client, JsonObject request, String requestId)
      throws Exception {
    return client.post(
        request.toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH, "X-Request-Id", requestId));
  }

  @Test
  void theIdTravelsToHeadersErrorsAndTheAuditLine() throws Exception {
    McpHttp client = McpHttp.on(Ports.http());
    client.initialize();
    int id = client.nextId();
    HttpResponse<String> toolError =
        post(
            client,
            McpHttp.request(
                id,
                "tools/call",
                Json.createObjectBuilder()
                    .add("name", "get_powerbi_datasets")
                    .add("arguments", Json.createObjectBuilder().add("workspace_id", "not-a-guid"))
                    .build()),
            "claude-req-42");
    assertEquals("claude-req-42", toolError.headers().firstValue("X-Request-Id").orElse(null));
    String text = McpHttp.toolError(McpHttp.responseFrom(toolError, id).getJsonObject("result"));
    assertTrue(text.endsWith(" (Request id claude-req-42.)"), text);

    int id2 = client.nextId();
    HttpResponse<String> unknown =
        post(
            client,
            McpHttp.request(id2, "no/such/method", Json.createObjectBuilder().build()),
            "claude-req-43");
    JsonObject error = McpHttp.responseFrom(unknown, id2).getJsonObject("error");
    assertEquals(
        "claude-req-43", error.getJsonObject("data").getString("requestId"), error.toString());

    int id3 = client.nextId();
    HttpResponse<String> made =
        post(
            client,
            McpHttp.request(
                id3,
                "tools/call",
                Json.createObjectBuilder().add("name", "get_powerbi_status").build()),
            "not a token; " + "x".repeat(100));
    String generated = made.headers().firstValue("X-Request-Id").orElse("");
    assertTrue(generated.matches("[0-9a-f]{16}"), "an id of the server's own: " + generated);

    Path log =
        Path.of(
            System.getProperty("wlp.home", "target/liberty/wlp"),
            "usr/servers/pbimcp-it/logs/messages.log");
    String audit = null;
    for (int i = 0; i < 40 && audit == null; i++) {
      audit =
          Files.readAllLines(log).stream()
              .filter(
                  l ->
                      l.contains("\"tool\":\"get_powerbi_status\"")
                          && l.contains("\"request_id\":\"" + generated + "\""))
              .findFirst()
              .orElse(null);
      Thread.sleep(100);
    }
    assertTrue(audit != null, "the audit line names the request " + generated);
  }
}
