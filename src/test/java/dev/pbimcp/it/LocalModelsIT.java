package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.emulator.project.CoffeeShop;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Your own model through MCP: a server told to load the example project as TMDL, the same model as
 * model.bim and a project with a bad CSV value lists the two good ones in *Local models* beside the
 * sample tenant, shows their schema, answers their measures (time intelligence, and the role for an
 * impersonated manager) as the CSV files say, and reports the broken one with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class LocalModelsIT {
  @TempDir Path tmp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  @Test
  void ownModelsThroughMcp() throws Exception {
    Path bim = CoffeeShop.asBim(tmp, "CoffeeShopBim");
    Path broken = CoffeeShop.renamedCopy(tmp, "Broken");
    Path csv = broken.resolve("data/Orders.csv");
    List<String> lines = Files.readAllLines(csv);
    lines.set(4, lines.get(4).replaceFirst(",\\d,(\\d+\\.\\d\\d)$", ",two,$1"));
    Files.write(csv, lines);
    // One project per other kind of mistake: each fails alone, the good models stay served.
    Path indent = CoffeeShop.renamedCopy(tmp, "Indent");
    CoffeeShop.edit(
        indent.resolve("Indent.SemanticModel/definition/tables/Shop.tmdl"),
        "\tcolumn City\n\t\tdataType",
        "\tcolumn City\n\t\t\tdataType");
    Path json = CoffeeShop.asBim(tmp, "Json");
    CoffeeShop.edit(json.resolve("Json.SemanticModel/model.bim"), "\"roles\": [", "\"roles\" [");
    Path noData = CoffeeShop.renamedCopy(tmp, "NoData");
    Files.delete(noData.resolve("data/Shop.csv"));
    Path partial = CoffeeShop.renamedCopy(tmp, "Partial");
    Files.writeString(
        partial.resolve("Partial.SemanticModel/definition/tables/Live.tmdl"),
        "table Live\n\n\tcolumn Id\n\t\tdataType: int64\n\n\tpartition Live = m\n"
            + "\t\tmode: directQuery\n\t\tsource = Sql.Database(\"db\", \"x\")\n");
    String models =
        String.join(
            ",",
            List.of(CoffeeShop.EXAMPLE, bim, broken, indent, json, noData, partial).stream()
                .map(p -> p.toAbsolutePath().toString())
                .toList());
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-local-models",
                Ports.second(),
                "local-models-session-key-0123456789abcdef",
                Map.of(
                    "PBIMCP_EMULATOR_MODELS", models, "PBIMCP_QUERY_ALLOW_IMPERSONATION", "true"))
            .start()) {
      McpHttp client = McpHttp.on(server.port());
      client.initialize();
      JsonArray workspaces =
          structured(client, "list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
              .getJsonArray("workspaces");
      assertTrue(names(workspaces).contains("Sales Analytics"), "the sample tenant stays");
      String local = idOf(workspaces, "Local models");
      JsonArray datasets =
          structured(
                  client,
                  "get_powerbi_datasets",
                  Json.createObjectBuilder().add("workspace_id", local).build())
              .getJsonArray("models");
      assertEquals(List.of("CoffeeShop", "CoffeeShopBim", "Partial"), names(datasets));
      for (String model : List.of("CoffeeShop", "CoffeeShopBim", "Partial")) {
        String id = idOf(datasets, model);
        schema(client, local, id);
        answers(client, local, id);
      }
      JsonArray status =
          structured(client, "get_powerbi_status", JsonValue.EMPTY_JSON_OBJECT)
              .getJsonArray("local_models");
      assertEquals(7, status.size(), status.toString());
      assertEquals("loaded", status.getJsonObject(0).getString("status"));
      assertEquals("loaded", status.getJsonObject(1).getString("status"));
      assertFailed(
          status.getJsonObject(2),
          "Broken",
          "Broken/data/Orders.csv:5: column 5 (Quantity, Int64): 'two' is not a whole number.");
      assertFailed(
          status.getJsonObject(3),
          "Indent",
          "Indent/Indent.SemanticModel/definition/tables/Shop.tmdl:");
      assertFailed(status.getJsonObject(4), "Json", "Json/Json.SemanticModel/model.bim:");
      assertFailed(
          status.getJsonObject(5),
          "NoData",
          "NoData/NoData.SemanticModel/definition/tables/Shop.tmdl:2: the table 'Shop' has no data");
      JsonObject left = status.getJsonObject(6);
      assertEquals("loaded", left.getString("status"), left.toString());
      assertTrue(
          left.getJsonArray("left_out")
              .getString(0)
              .startsWith(
                  "Partial/Partial.SemanticModel/definition/tables/Live.tmdl:6: table 'Live' has a"
                      + " directQuery partition"),
          left.toString());
    }
  }

  private static void assertFailed(JsonObject model, String name, String errorStart) {
    assertEquals(name, model.getString("name"));
    assertEquals("failed", model.getString("status"), model.toString());
    assertTrue(model.getString("error").startsWith(errorStart), model.toString());
  }

  private static void schema(McpHttp client, String ws, String ds) throws Exception {
    JsonObject s =
        structured(
            client,
            "get_powerbi_model_schema",
            Json.createObjectBuilder()
                .add("workspace_id", ws)
                .add("dataset_id", ds)
                .add("include_hidden", true)
                .build());
    JsonObject orders = byName(s.getJsonArray("tables"), "Orders");
    assertEquals("One row per order line, 2024–2025.", orders.getString("description"));
    JsonObject ly = byName(orders.getJsonArray("measures"), "Revenue LY");
    assertTrue(
        ly.getString("expression").contains("SAMEPERIODLASTYEAR('Calendar'[Date])"), ly.toString());
    assertEquals("Time intelligence", ly.getString("display_folder"));
    assertEquals("#,0.00", ly.getString("format_string"));
    assertTrue(
        byName(byName(s.getJsonArray("tables"), "Shop").getJsonArray("columns"), "Manager")
            .getBoolean("hidden"));
    assertEquals(2, s.getJsonArray("relationships").size());
    assertEquals(
        "Year-Month: Year > Month",
        byName(s.getJsonArray("tables"), "Calendar").getJsonArray("hierarchies").getString(0));
    JsonObject role = s.getJsonArray("roles").getJsonObject(0);
    assertEquals("Shop Manager", role.getString("name"));
    assertEquals(
        "'Shop': Shop[Manager] = USERPRINCIPALNAME()", role.getJsonArray("filters").getString(0));
  }

  private static void answers(McpHttp client, String ws, String ds) throws Exception {
    LocalDate june30 = LocalDate.of(2025, 6, 30);
    JsonArray results =
        query(
            client,
            ws,
            ds,
            null,
            "EVALUATE SUMMARIZECOLUMNS('Calendar'[Year], \"Revenue\", [Revenue], \"LY\","
                + " [Revenue LY]) ORDER BY 'Calendar'[Year]",
            "EVALUATE ROW(\"YTD\", CALCULATE([Revenue YTD], 'Calendar'[Date] = DATE(2025, 6, 30)))");
    JsonArray years = results.getJsonObject(0).getJsonArray("rows");
    assertEquals(2025, years.getJsonArray(1).getInt(0));
    assertEquals(
        CoffeeShop.revenue(o -> o.date().getYear() == 2025),
        number(years.getJsonArray(1), 1),
        1e-6);
    assertEquals(
        CoffeeShop.revenue(o -> o.date().getYear() == 2024),
        number(years.getJsonArray(1), 2),
        1e-6);
    assertEquals(
        CoffeeShop.revenue(o -> o.date().getYear() == 2025 && !o.date().isAfter(june30)),
        number(results.getJsonObject(1).getJsonArray("rows").getJsonArray(0), 0),
        1e-6);
    JsonArray asAna =
        query(client, ws, ds, "ana@contoso.com", "EVALUATE ROW(\"Revenue\", [Revenue])");
    assertEquals(
        CoffeeShop.revenue(o -> o.shop() == 1),
        number(asAna.getJsonObject(0).getJsonArray("rows").getJsonArray(0), 0),
        1e-6,
        "the Shop Manager role shows ana her own shop");
  }

  /** execute_powerbi_query's results, run as {@code user} when one is given. */
  private static JsonArray query(
      McpHttp client, String ws, String ds, String user, String... queries) throws Exception {
    var dax = Json.createArrayBuilder();
    for (String q : queries) {
      dax.add(q);
    }
    var args =
        Json.createObjectBuilder()
            .add("workspace_id", ws)
            .add("dataset_id", ds)
            .add("queries", dax);
    if (user != null) {
      args.add("impersonated_user", user);
    }
    return structured(client, "execute_powerbi_query", args.build()).getJsonArray("results");
  }

  private static double number(JsonArray row, int i) {
    return row.getJsonNumber(i).doubleValue();
  }

  private static JsonObject structured(McpHttp client, String tool, JsonObject args)
      throws Exception {
    JsonObject r = client.callTool(tool, args);
    assertTrue(!r.getBoolean("isError", false), tool + ": " + r);
    return r.getJsonObject("structuredContent");
  }

  private static List<String> names(JsonArray items) {
    return items.getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
  }

  private static JsonObject byName(JsonArray items, String name) {
    return items.getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " in " + items));
  }

  private static String idOf(JsonArray items, String name) {
    return byName(items, name).getString("id");
  }
}
