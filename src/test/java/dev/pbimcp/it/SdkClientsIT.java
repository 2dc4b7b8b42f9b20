package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official SDK clients against the server: the TypeScript SDK (from npm, run by Node 22) over
 * Streamable HTTP for each revision it speaks and over HTTP+SSE, and the Java SDK over both
 * transports. Each lists tools, calls one, reads a resource and gets a prompt.
 */
@ExtendWith(ArquillianExtension.class)
class SdkClientsIT {
  private static final String BASE = "http://127.0.0.1:" + Ports.http();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void typescriptSdkClientOverEveryTransportAndRevision() throws Exception {
    NodeTools.Result r = NodeTools.run(List.of("bash", "scripts/sdk-clients", BASE), 300);
    assertEquals(0, r.exitCode(), r.output());
    List<JsonObject> results =
        r.output()
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .map(l -> McpHttp.parse(l.substring(7)))
            .toList();
    assertEquals(
        List.of("http 2025-11-25", "http 2025-06-18", "http 2025-03-26", "sse 2024-11-05"),
        results.stream()
            .map(x -> x.getString("transport") + " " + x.getString("negotiated"))
            .toList(),
        r.output());
    for (JsonObject result : results) {
      assertEquals("emulator", result.getString("backend"), result.toString());
      assertFalse(result.getBoolean("isError"), result.toString());
      assertTrue(result.getInt("tools") > 10, result.toString());
      assertEquals(
          "This is the content of the static text resource.", result.getString("resourceText"));
      assertEquals(1, result.getInt("promptMessages"), result.toString());
    }
  }

  @Test
  void javaSdkClientOverStreamableHttpAndSse() {
    McpClientTransport[] transports = {
      HttpClientStreamableHttpTransport.builder(BASE).endpoint("/mcp").build(),
      HttpClientSseClientTransport.builder(BASE).sseEndpoint("/sse").build()
    };
    for (McpClientTransport transport : transports) {
      try (McpSyncClient client =
          McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("pbimcp", init.serverInfo().name());
        assertTrue(
            client.listTools().tools().stream()
                .anyMatch(t -> t.name().equals("execute_powerbi_query")),
            transport.getClass().getSimpleName());
        McpSchema.CallToolResult status =
            client.callTool(new McpSchema.CallToolRequest("get_powerbi_status", Map.of()));
        assertFalse(Boolean.TRUE.equals(status.isError()), status.toString());
        assertTrue(status.structuredContent().toString().contains("emulator"), status.toString());
        McpSchema.ReadResourceResult read =
            client.readResource(new McpSchema.ReadResourceRequest("test://static-text"));
        assertEquals(
            "This is the content of the static text resource.",
            ((McpSchema.TextResourceContents) read.contents().get(0)).text());
        McpSchema.GetPromptResult prompt =
            client.getPrompt(
                new McpSchema.GetPromptRequest(
                    "explore_powerbi_model", Map.of("workspace_id", "w", "dataset_id", "d")));
        assertEquals(1, prompt.messages().size());
        System.out.println(
            transport.getClass().getSimpleName() + " negotiated " + init.protocolVersion());
      }
    }
  }
}
