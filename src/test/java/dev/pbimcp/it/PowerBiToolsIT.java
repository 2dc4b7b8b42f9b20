package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.registry.SchemaValidator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Power BI tools end to end through MCP over HTTP: client → server → gateway → (HTTP) →
 * emulator. Every structured answer is checked against the tool's own outputSchema.
 */
@ExtendWith(ArquillianExtension.class)
class PowerBiToolsIT {
  private static McpHttp client;
  private static final Map<String, JsonObject> OUTPUT_SCHEMAS = new HashMap<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @BeforeAll
  static void open() throws Exception {
    client = McpHttp.on(Ports.http());
    client.initialize();
    for (JsonValue t :
        client.result("tools/list", JsonValue.EMPTY_JSON_OBJECT).getJsonArray("tools")) {
      JsonObject tool = t.asJsonObject();
      if (tool.containsKey("outputSchema")) {
        OUTPUT_SCHEMAS.put(tool.getString("name"), tool.getJsonObject("outputSchema"));
      }
    }
  }

  /** Calls a tool that must succeed; checks structuredContent against the outputSchema. */
  static JsonObject ok(String tool, JsonObject args) throws Exception {
    JsonObject r = client.callTool(tool, args);
    assertFalse(r.getBoolean("isError", false), tool + " failed: " + r);
    JsonObject structured = r.getJsonObject("structuredContent");
    List<String> problems = SchemaValidator.validate(OUTPUT_SCHEMAS.get(tool), structured);
    assertTrue(problems.isEmpty(), tool + " output breaks its schema: " + problems);
    return r;
  }

  /** Calls a tool that must fail with a tool error; returns its text. */
  static String toolError(String tool, JsonObject args) throws Exception {
    JsonObject r = client.callTool(tool, args);
    assertTrue(r.getBoolean("isError", false), tool + " should have failed: " + r);
    return r.getJsonArray("content").getJsonObject(0).getString("text");
  }

  /** Arguments naming a model: workspace_id and dataset_id. */
  static jakarta.json.JsonObjectBuilder model(String[] model) {
    return Json.createObjectBuilder().add("workspace_id", model[0]).add("dataset_id", model[1]);
  }

  static String workspace(String name) throws Exception {
    JsonObject r =
        ok(
            "list_powerbi_workspaces",
            Json.createObjectBuilder().add("name_contains", name).build());
    return r.getJsonObject("structuredContent")
        .getJsonArray("workspaces")
        .getJsonObject(0)
        .getString("id");
  }

  static String[] salesModel() throws Exception {
    return salesModelVia(client);
  }

  static String[] salesModelVia(McpHttp via) throws Exception {
    JsonObject r =
        via.callTool(
            "search_powerbi_models", Json.createObjectBuilder().add("query", "sales").build());
    JsonObject m = r.getJsonObject("structuredContent").getJsonArray("models").getJsonObject(0);
    assertEquals("Sales", m.getString("name"));
    return new String[] {m.getString("workspace_id"), m.getString("id")};
  }

  @Test
  void workspacesAreListedFilteredAndPaged() throws Exception {
    JsonObject all =
        ok("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getJsonObject("structuredContent");
    assertEquals(4, all.getJsonArray("workspaces").size());
    JsonObject page =
        ok("list_powerbi_workspaces", Json.createObjectBuilder().add("top", 2).build())
            .getJsonObject("structuredContent");
    assertEquals(2, page.getJsonArray("workspaces").size());
    assertEquals(2, page.getInt("next_skip"));
    JsonObject rest =
        ok(
                "list_powerbi_workspaces",
                Json.createObjectBuilder().add("top", 2).add("skip", 2).build())
            .getJsonObject("structuredContent");
    assertEquals("HR", rest.getJsonArray("workspaces").getJsonObject(0).getString("name"));
  }

  @Test
  void modelsAreListedPerWorkspaceAndEverywhereWithRlsFlags() throws Exception {
    JsonArray everywhere =
        ok("get_powerbi_datasets", JsonValue.EMPTY_JSON_OBJECT)
            .getJsonObject("structuredContent")
            .getJsonArray("models");
    assertEquals(3, everywhere.size());
    JsonObject hr =
        everywhere.getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getString("name").equals("HR Headcount"))
            .findFirst()
            .orElseThrow();
    assertTrue(hr.getBoolean("rls_required"));
    JsonArray finance =
        ok(
                "get_powerbi_datasets",
                Json.createObjectBuilder().add("workspace_id", workspace("Finance")).build())
            .getJsonObject("structuredContent")
            .getJsonArray("models");
    assertEquals("Finance GL", finance.getJsonObject(0).getString("name"));
  }

  @Test
  void aPastedReportLinkResolvesToItsModel() throws Exception {
    String[] sales = salesModel();
    JsonObject reports =
        ok("list_powerbi_reports", Json.createObjectBuilder().add("workspace_id", sales[0]).build())
            .getJsonObject("structuredContent");
    JsonObject report = reports.getJsonArray("reports").getJsonObject(0);
    String url = report.getString("web_url") + "/ReportSection1?experience=power-bi";
    JsonObject resolved =
        ok("resolve_powerbi_url", Json.createObjectBuilder().add("url", url).build())
            .getJsonObject("structuredContent");
    assertEquals("report", resolved.getString("kind"));
    assertEquals(sales[1], resolved.getString("dataset_id"));
    assertEquals("Sales Analytics", resolved.getString("workspace_name"));
    assertTrue(
        toolError(
                "resolve_powerbi_url",
                Json.createObjectBuilder().add("url", "https://example.com/x").build())
            .contains("Power BI link"));
  }

  @Test
  void schemaListsTablesColumnsMeasuresAndRelationshipsWithoutHiddenOnes() throws Exception {
    String[] sales = salesModel();
    JsonObject schema =
        ok("get_powerbi_model_schema", model(sales).build()).getJsonObject("structuredContent");
    JsonObject salesTable =
        schema.getJsonArray("tables").getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("name").equals("Sales"))
            .findFirst()
            .orElseThrow();
    List<String> columns =
        salesTable.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("name"))
            .toList();
    assertTrue(columns.contains("SalesAmount"));
    assertFalse(columns.contains("ProductKey"), "hidden columns are left out by default");
    assertFalse(
        columns.stream().anyMatch(c -> c.startsWith("RowNumber")),
        "RowNumber columns are never shown");
    assertEquals(4, salesTable.getJsonArray("measures").size());
    assertEquals(5, schema.getJsonArray("relationships").size());
    assertEquals(
        1,
        schema.getJsonArray("relationships").getValuesAs(JsonObject.class).stream()
            .filter(r -> r.toString().contains("ShipDate") && r.toString().contains("false"))
            .count(),
        "the inactive ship-date relationship is listed as inactive: "
            + schema.getJsonArray("relationships"));
    JsonObject one =
        ok("get_powerbi_model_schema", model(sales).add("table", "Product").build())
            .getJsonObject("structuredContent");
    assertEquals(1, one.getJsonArray("tables").size());
    assertTrue(
        toolError("get_powerbi_model_schema", model(sales).add("table", "Nope").build())
            .contains("Its tables: Customer, Date, Product, Sales, Store"));
  }

  @Test
  void valuesAreFoundForExactFilters() throws Exception {
    String[] sales = salesModel();
    JsonObject r =
        ok(
                "find_powerbi_values",
                model(sales)
                    .add("table", "Customer")
                    .add("column", "City")
                    .add("search", "LON")
                    .build())
            .getJsonObject("structuredContent");
    assertEquals(
        List.of("London"),
        r.getJsonArray("values").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(s -> s.getString())
            .toList());
  }

  @Test
  void daxQueriesReturnPreviewsExactCountsAndTheFullCsv() throws Exception {
    String[] sales = salesModel();
    JsonObject r =
        ok(
            "execute_powerbi_query",
            model(sales)
                .add(
                    "queries",
                    Json.createArrayBuilder()
                        .add("EVALUATE 'Product'")
                        .add("EVALUATE ROW(\"n\", COUNTROWS('Store'))"))
                .add("max_rows", 10)
                .build());
    JsonObject first =
        r.getJsonObject("structuredContent").getJsonArray("results").getJsonObject(0);
    assertEquals(60, first.getInt("row_count"));
    assertEquals(10, first.getJsonArray("rows").size());
    assertTrue(first.getBoolean("preview_truncated"));
    assertFalse(first.getBoolean("truncated_by_power_bi"));
    JsonObject csv = r.getJsonArray("content").getJsonObject(1);
    assertEquals("resource", csv.getString("type"));
    assertEquals(first.getString("csv_uri"), csv.getJsonObject("resource").getString("uri"));
    assertEquals(
        61,
        csv.getJsonObject("resource").getString("text").split("\r\n").length,
        "header plus every row");
    assertEquals(60, first.getInt("csv_row_count"));
    JsonObject second =
        r.getJsonObject("structuredContent").getJsonArray("results").getJsonObject(1);
    assertEquals(12, second.getJsonArray("rows").getJsonArray(0).getInt(0));
  }

  @Test
  void overPowerBisLimitTheRowsReturnedAndTheReasonAreStated() throws Exception {
    String[] sales = salesModel();
    JsonObject r =
        ok(
            "execute_powerbi_query",
            model(sales).add("queries", Json.createArrayBuilder().add("EVALUATE 'Sales'")).build());
    JsonObject q = r.getJsonObject("structuredContent").getJsonArray("results").getJsonObject(0);
    assertTrue(q.getBoolean("truncated_by_power_bi"));
    assertEquals(
        "SIZE_LIMIT",
        q.getString("truncation_reason"),
        "15 MB come before 100,000 rows of ten columns: " + q.getString("truncation_detail"));
    long rows = q.getJsonNumber("row_count").longValue();
    assertTrue(rows > 10_000 && rows <= 100_000, "partial rows: " + rows);
    String csv =
        r.getJsonArray("content").getJsonObject(1).getJsonObject("resource").getString("text");
    long inCsv = q.getJsonNumber("csv_row_count").longValue();
    assertEquals(inCsv + 1, csv.split("\r\n").length, "the CSV holds the rows it says");
    assertTrue(inCsv > q.getJsonArray("rows").size() && inCsv < rows, "cut to fit: " + inCsv);
    assertTrue(r.toString().length() <= 100_000, "within the budget: " + r.toString().length());
    String text = r.getJsonArray("content").getJsonObject(0).getString("text");
    assertTrue(text.contains("Power BI stopped early"), text);
    assertTrue(text.contains("call again with offset " + q.getJsonNumber("next_offset")), text);
    assertEquals(
        inCsv, q.getJsonNumber("next_offset").longValue(), "the next page starts after the CSV");
  }

  @Test
  void badDaxIsAnActionableToolError() throws Exception {
    String[] sales = salesModel();
    String text =
        toolError(
            "execute_powerbi_query",
            model(sales).add("queries", Json.createArrayBuilder().add("EVALUATE 'Nope'")).build());
    assertTrue(text.contains("The table 'Nope' cannot be found"), text);
    assertTrue(text.contains("get_powerbi_model_schema"), text);
  }

  @Test
  void reportsDashboardsAndRefreshHistory() throws Exception {
    String[] sales = salesModel();
    JsonObject dash =
        ok(
                "list_powerbi_dashboards",
                Json.createObjectBuilder().add("workspace_id", sales[0]).build())
            .getJsonObject("structuredContent");
    assertEquals(3, dash.getJsonArray("dashboards").getJsonObject(0).getJsonArray("tiles").size());
    JsonObject finance =
        ok(
                "list_powerbi_reports",
                Json.createObjectBuilder().add("workspace_id", workspace("Finance")).build())
            .getJsonObject("structuredContent");
    assertTrue(
        finance.getJsonArray("reports").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                r ->
                    r.getString("report_type").equals("PaginatedReport")
                        && !r.containsKey("dataset_id")));
    JsonObject history =
        ok("get_powerbi_refresh_history", model(sales).add("top", 5).build())
            .getJsonObject("structuredContent");
    assertEquals(5, history.getJsonArray("refreshes").size());
    assertTrue(
        history.getJsonArray("refreshes").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                x ->
                    x.getString("status").equals("Failed")
                        && x.getString("error").contains("credentials")));
  }

  @Test
  void unknownIdsAndMalformedIdsSayWhatToDo() throws Exception {
    String notFound =
        toolError(
            "get_powerbi_datasets",
            Json.createObjectBuilder()
                .add("workspace_id", "00000000-0000-0000-0000-000000000000")
                .build());
    assertTrue(
        notFound.contains("could not find") && notFound.contains("list_powerbi_workspaces"),
        notFound);
    String malformed =
        toolError(
            "get_powerbi_datasets",
            Json.createObjectBuilder().add("workspace_id", "Sales Analytics").build());
    assertTrue(malformed.contains("must be a Power BI id"), malformed);
  }

  @Test
  void everyCallLeavesOneAuditLineAndNoToken() throws Exception {
    String[] sales = salesModel();
    ok(
        "execute_powerbi_query",
        model(sales).add("queries", Json.createArrayBuilder().add("EVALUATE 'Store'")).build());
    java.nio.file.Path log =
        java.nio.file.Path.of(
            System.getProperty("wlp.home", "target/liberty/wlp"),
            "usr/servers/pbimcp-it/logs/messages.log");
    // The audit line is written off the request thread: give it a moment.
    String text = "";
    List<String> audit = List.of();
    for (int i = 0; i < 50 && audit.isEmpty(); i++) {
      Thread.sleep(100);
      text = java.nio.file.Files.readString(log);
      audit =
          text.lines()
              .filter(
                  l ->
                      l.contains("pbimcp.audit")
                          && l.contains("\"tool\":\"execute_powerbi_query\"")
                          && l.contains(sales[1])
                          && l.contains("\"rows\":12"))
              .toList();
    }
    assertFalse(audit.isEmpty(), "no audit line");
    String last = audit.get(audit.size() - 1);
    assertTrue(
        last.contains("\"dataset_id\":\"" + sales[1] + "\"")
            && last.contains("\"rows\":12")
            && last.contains("\"outcome\":\"ok\""),
        last);
    assertFalse(last.contains("EVALUATE"), "DAX text is logged only when configured");
    assertFalse(text.contains("pbimcp-emulator-token"), "a Power BI token reached the log");
  }

  @Test
  void impersonationIsRefusedUnlessTheServerAllowsIt() throws Exception {
    String[] sales = salesModel();
    String text =
        toolError(
            "execute_powerbi_query",
            model(sales)
                .add("queries", Json.createArrayBuilder().add("EVALUATE 'Store'"))
                .add("impersonated_user", "a@contoso.com")
                .build());
    assertTrue(text.contains("PBIMCP_QUERY_ALLOW_IMPERSONATION"), text);
  }

  @Test
  void eachModelsSchemaIsAResourceAndPromptsGuideExploration() throws Exception {
    String[] sales = salesModel();
    JsonArray templates =
        client
            .result("resources/templates/list", JsonValue.EMPTY_JSON_OBJECT)
            .getJsonArray("resourceTemplates");
    assertTrue(
        templates.getValuesAs(JsonObject.class).stream()
            .anyMatch(t -> t.getString("uriTemplate").startsWith("powerbi://workspaces/")));
    String uri = "powerbi://workspaces/" + sales[0] + "/models/" + sales[1] + "/schema";
    JsonObject read =
        client.result("resources/read", Json.createObjectBuilder().add("uri", uri).build());
    JsonObject schema =
        McpHttp.parse(read.getJsonArray("contents").getJsonObject(0).getString("text"));
    assertEquals(5, schema.getJsonArray("tables").size());
    JsonObject prompt =
        client.result(
            "prompts/get",
            Json.createObjectBuilder()
                .add("name", "explore_powerbi_model")
                .add("arguments", model(sales))
                .build());
    assertTrue(
        prompt
            .getJsonArray("messages")
            .getJsonObject(0)
            .getJsonObject("content")
            .getString("text")
            .contains("get_powerbi_model_schema"));
  }

  @Test
  void readOnlyModeHidesWritesAndTheStatusSaysSo() throws Exception {
    JsonObject status =
        ok("get_powerbi_status", JsonValue.EMPTY_JSON_OBJECT).getJsonObject("structuredContent");
    assertTrue(status.getBoolean("read_only"));
    assertEquals("emulator", status.getString("backend"));
    assertTrue(status.getBoolean("power_bi_reachable"));
  }
}
