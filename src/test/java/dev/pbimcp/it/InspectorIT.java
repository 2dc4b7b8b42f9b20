package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MCP Inspector CLI, a real client from npm, lists and calls our tools. */
@ExtendWith(ArquillianExtension.class)
class InspectorIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void inspectorListsTheStatusToolWithAnnotationsAndOutputSchema() throws Exception {
    NodeTools.Result r = inspector("--method", "tools/list");
    assertEquals(0, r.exitCode(), r.output());
    JsonObject listing = McpHttp.parse(r.output().substring(r.output().indexOf('{')));
    JsonObject status =
        listing.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("name").equals("get_powerbi_status"))
            .findFirst()
            .orElseThrow();
    assertTrue(status.getJsonObject("annotations").getBoolean("readOnlyHint"));
    assertEquals("object", status.getJsonObject("outputSchema").getString("type"));
  }

  @Test
  void inspectorCallsTheStatusTool() throws Exception {
    NodeTools.Result r = inspector("--method", "tools/call", "--tool-name", "get_powerbi_status");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("\"backend\": \"emulator\""), r.output());
  }

  /** The TypeScript SDK under the Inspector checks structuredContent against outputSchema (Ajv). */
  @Test
  void inspectorAcceptsTheStructuredSchemaOfAPowerBiTool() throws Exception {
    NodeTools.Result list =
        inspector(
            "--method",
            "tools/call",
            "--tool-name",
            "search_powerbi_models",
            "--tool-arg",
            "query=sales");
    assertEquals(0, list.exitCode(), list.output());
    JsonObject found = McpHttp.parse(list.output().substring(list.output().indexOf('{')));
    JsonObject model =
        found.getJsonObject("structuredContent").getJsonArray("models").getJsonObject(0);
    NodeTools.Result schema =
        inspector(
            "--method",
            "tools/call",
            "--tool-name",
            "get_powerbi_model_schema",
            "--tool-arg",
            "workspace_id=" + model.getString("workspace_id"),
            "--tool-arg",
            "dataset_id=" + model.getString("id"));
    assertEquals(0, schema.exitCode(), schema.output());
    assertTrue(schema.output().contains("\"relationships\""), schema.output());
  }

  private static NodeTools.Result inspector(String... args) throws Exception {
    var cmd =
        new java.util.ArrayList<>(
            List.of(
                NodeTools.node(),
                NodeTools.nodeDir().resolve("node_modules/.bin/mcp-inspector").toString(),
                "--cli",
                "http://127.0.0.1:" + Ports.http() + "/mcp",
                "--transport",
                "http"));
    cmd.addAll(List.of(args));
    return NodeTools.run(cmd, 120);
  }
}
