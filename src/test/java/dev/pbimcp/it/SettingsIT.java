package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.it.McpHttp.SseEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings that change what the server offers, on a second server configured for it: the one write
 * (refresh_powerbi_dataset) is absent in read-only mode (the default, as on the main test server)
 * and offered with PBIMCP_READ_ONLY=false, confirmed through elicitation; the workspace allow-list
 * (PBIMCP_WORKSPACES) holds for listings and for ids learnt elsewhere.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void readOnlyByDefaultAndOptInWritesAskForConfirmation() throws Exception {
    McpHttp readOnly = McpHttp.on(Ports.http());
    readOnly.initialize();
    assertFalse(names(readOnly).contains("refresh_powerbi_dataset"), "read-only mode hides writes");

    try (ExtraServer rw =
        new ExtraServer(
                "pbimcp-rw",
                Ports.second(),
                "another-key-for-writes-0123456789abcdef",
                Map.of("pbimcp.read-only", "false", "pbimcp.workspaces", "Sales Analytics"))
            .start()) {
      McpHttp client = McpHttp.on(rw.port());
      client.initialize(
          "2025-11-25",
          Json.createObjectBuilder().add("elicitation", JsonValue.EMPTY_JSON_OBJECT).build());
      assertTrue(names(client).contains("refresh_powerbi_dataset"));
      JsonObject tool =
          client
              .result("tools/list", JsonValue.EMPTY_JSON_OBJECT)
              .getJsonArray("tools")
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(t -> t.getString("name").equals("refresh_powerbi_dataset"))
              .findFirst()
              .orElseThrow();
      assertFalse(tool.getJsonObject("annotations").getBoolean("readOnlyHint"));
      ToolSnapshotIT.assertSnapshot("write", tool);

      String[] sales = PowerBiToolsIT.salesModelVia(client);
      JsonObject declined = refresh(client, sales, false);
      assertFalse(declined.getJsonObject("structuredContent").getBoolean("started"));
      JsonObject accepted = refresh(client, sales, true);
      assertTrue(
          accepted.getJsonObject("structuredContent").getBoolean("started"), accepted.toString());
      assertFalse(accepted.getJsonObject("structuredContent").getString("request_id").isEmpty());

      JsonObject listed = client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
      assertEquals(1, listed.getJsonObject("structuredContent").getJsonArray("workspaces").size());
      String finance = SampleIds.workspace("Finance");
      JsonObject refused =
          client.callTool(
              "get_powerbi_datasets",
              Json.createObjectBuilder().add("workspace_id", finance).build());
      assertTrue(refused.getBoolean("isError"));
      String text = refused.getJsonArray("content").getJsonObject(0).getString("text");
      assertTrue(text.contains("PBIMCP_WORKSPACES"), text);
    }
  }

  /** Calls the tool over SSE and answers its confirmation question. */
  private static JsonObject refresh(McpHttp client, String[] sales, boolean confirm)
      throws Exception {
    int id = client.nextId();
    var call =
        McpHttp.request(
            id,
            "tools/call",
            Json.createObjectBuilder()
                .add("name", "refresh_powerbi_dataset")
                .add(
                    "arguments",
                    Json.createObjectBuilder()
                        .add("workspace_id", sales[0])
                        .add("dataset_id", sales[1]))
                .build());
    HttpResponse<Stream<String>> r =
        client.postStreaming(call.toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    Iterator<String> lines = r.body().iterator();
    SseEvent.next(lines); // priming
    JsonObject question = McpHttp.parse(SseEvent.next(lines).data());
    assertEquals("elicitation/create", question.getString("method"));
    var answer =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("id", question.get("id"))
            .add(
                "result",
                Json.createObjectBuilder()
                    .add("action", "accept")
                    .add("content", Json.createObjectBuilder().add("confirm", confirm)))
            .build();
    assertEquals(202, client.post(answer.toString(), Map.of()).statusCode());
    JsonObject response = McpHttp.parse(SseEvent.next(lines).data());
    return response.getJsonObject("result");
  }

  private static List<String> names(McpHttp client) throws Exception {
    return client
        .result("tools/list", JsonValue.EMPTY_JSON_OBJECT)
        .getJsonArray("tools")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(t -> t.getString("name"))
        .toList();
  }
}
