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
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The questions a user asks of the sample model, as Claude writes them, answered through MCP by the
 * built-in emulator: by year, by category, share of total, year over year, top customers; and the
 * emulator's row-level security and its answers to broken DAX.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {
  private static McpHttp client;
  private static final String WORKSPACE = SampleIds.workspace("Sales Analytics");
  private static final String SALES = SampleIds.dataset("Sales");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @BeforeAll
  static void open() throws Exception {
    client = McpHttp.on(Ports.http());
    client.initialize();
  }

  private static JsonObject call(String dax) throws Exception {
    return client.callTool(
        "execute_powerbi_query",
        Json.createObjectBuilder()
            .add("workspace_id", WORKSPACE)
            .add("dataset_id", SALES)
            .add("queries", Json.createArrayBuilder().add(dax))
            .build());
  }

  private static JsonArray rows(String dax) throws Exception {
    JsonObject r = call(dax);
    assertFalse(r.getBoolean("isError", false), dax + " failed: " + r);
    return r.getJsonObject("structuredContent")
        .getJsonArray("results")
        .getJsonObject(0)
        .getJsonArray("rows");
  }

  private static double number(JsonArray rows, int row, int column) {
    return rows.getJsonArray(row).getJsonNumber(column).doubleValue();
  }

  @Test
  void salesByYearAddUpToTheTotal() throws Exception {
    JsonArray years =
        rows(
            "EVALUATE SUMMARIZECOLUMNS('Date'[Year], \"Sales\", [Total Sales]) ORDER BY 'Date'[Year]");
    assertEquals(2, years.size());
    assertEquals(2023, years.getJsonArray(0).getInt(0), "integers come back as integers");
    double total = number(rows("EVALUATE ROW(\"t\", [Total Sales])"), 0, 0);
    assertEquals(total, number(years, 0, 1) + number(years, 1, 1), total * 1e-9);
  }

  @Test
  void sharesOfTotalAddUpToOne() throws Exception {
    JsonArray shares =
        rows(
            "EVALUATE SUMMARIZECOLUMNS('Product'[Category], \"Share\", DIVIDE([Total Sales],"
                + " CALCULATE([Total Sales], ALL('Product'[Category])))) ORDER BY [Share] DESC");
    assertEquals(4, shares.size());
    assertEquals("Bikes", shares.getJsonArray(0).getString(0));
    double sum = 0;
    for (int i = 0; i < shares.size(); i++) {
      sum += number(shares, i, 1);
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void yearOverYearUsesLastYearsSales() throws Exception {
    JsonArray yoy =
        rows(
            "DEFINE MEASURE Sales[PY] = CALCULATE([Total Sales], SAMEPERIODLASTYEAR('Date'[Date]))"
                + " MEASURE Sales[YoY] = DIVIDE([Total Sales] - [PY], [PY])"
                + " EVALUATE SUMMARIZECOLUMNS('Date'[Year], \"Sales\", [Total Sales], \"PY\", [PY],"
                + " \"YoY\", [YoY]) ORDER BY 'Date'[Year]");
    assertTrue(yoy.getJsonArray(0).isNull(2), "no year before 2023");
    assertEquals(number(yoy, 0, 1), number(yoy, 1, 2), 1e-6);
    assertEquals(number(yoy, 1, 1) / number(yoy, 0, 1) - 1, number(yoy, 1, 3), 1e-9);
  }

  @Test
  void topCustomersInOrder() throws Exception {
    JsonArray top =
        rows(
            "EVALUATE TOPN(5, SUMMARIZECOLUMNS('Customer'[Customer], \"Sales\", [Total Sales]),"
                + " [Sales], DESC) ORDER BY [Sales] DESC");
    assertEquals(5, top.size());
    for (int i = 1; i < top.size(); i++) {
      assertTrue(number(top, i - 1, 1) >= number(top, i, 1));
    }
  }

  @Test
  void theLargestAnswersStayWithinTheResultBudget() throws Exception {
    JsonObject four =
        client.callTool(
            "execute_powerbi_query",
            Json.createObjectBuilder()
                .add("workspace_id", WORKSPACE)
                .add("dataset_id", SALES)
                .add("max_rows", 1000)
                .add(
                    "queries",
                    Json.createArrayBuilder()
                        .add("EVALUATE 'Sales'")
                        .add("EVALUATE 'Customer'")
                        .add("EVALUATE 'Sales'")
                        .add("EVALUATE 'Date'"))
                .build());
    assertFalse(four.getBoolean("isError", false), four.toString().substring(0, 300));
    assertTrue(four.toString().length() <= 100_000, "four queries: " + four.toString().length());
    for (JsonObject q :
        four.getJsonObject("structuredContent")
            .getJsonArray("results")
            .getValuesAs(JsonObject.class)) {
      assertTrue(q.getJsonArray("rows").size() < q.getInt("row_count"), "each preview shrank");
    }
    JsonObject schema =
        client.callTool(
            "get_powerbi_model_schema",
            Json.createObjectBuilder()
                .add("workspace_id", WORKSPACE)
                .add("dataset_id", SALES)
                .build());
    assertTrue(schema.toString().length() <= 100_000, "schema: " + schema.toString().length());
    System.out.println(
        "result sizes: four queries "
            + four.toString().length()
            + " characters, the Sales schema "
            + schema.toString().length());
  }

  @Test
  void aLargeAnswerIsReadPageByPage() throws Exception {
    JsonObject first = page(0);
    long next = first.getJsonNumber("next_offset").longValue();
    assertEquals(0, first.getInt("first_row"));
    JsonObject second = page(next);
    assertEquals(next, second.getJsonNumber("first_row").longValue());
    assertEquals(first.getJsonNumber("row_count"), second.getJsonNumber("row_count"));
    // Order numbers run 100000, 100000, 100001, 100001, … in the sample's order lines.
    assertEquals(
        100_000 + next / 2,
        second.getJsonArray("rows").getJsonArray(0).getJsonNumber(0).longValue());
    assertTrue(second.getJsonNumber("next_offset").longValue() > next);

    // The same rest as a link, for clients that read resources: from next_offset on, as CSV.
    String link = first.getString("rest_uri");
    JsonObject read =
        client.result("resources/read", Json.createObjectBuilder().add("uri", link).build());
    String csv = read.getJsonArray("contents").getJsonObject(0).getString("text");
    String firstRow = csv.split("\r\n")[1];
    assertTrue(firstRow.startsWith((100_000 + next / 2) + ","), firstRow);
    assertTrue(read.toString().length() <= 100_000, "the read fits the budget too");
    assertTrue(
        read.getJsonArray("contents").getJsonObject(1).getString("text").contains("rows after"),
        "the read says where the rest is: " + read.getJsonArray("contents").getJsonObject(1));
    String forged = link.substring(0, link.length() - 4) + "AAAA";
    JsonObject refused =
        client.call("resources/read", Json.createObjectBuilder().add("uri", forged).build());
    assertEquals(-32002, refused.getJsonObject("error").getInt("code"), refused.toString());
  }

  @Test
  void olderClientsGetNoResourceLinks() throws Exception {
    McpHttp old = McpHttp.on(Ports.http());
    old.initialize("2025-03-26", Json.createObjectBuilder().build());
    JsonObject r =
        old.result(
            "tools/call",
            Json.createObjectBuilder()
                .add("name", "execute_powerbi_query")
                .add(
                    "arguments",
                    Json.createObjectBuilder()
                        .add("workspace_id", WORKSPACE)
                        .add("dataset_id", SALES)
                        .add("queries", Json.createArrayBuilder().add("EVALUATE 'Sales'")))
                .build());
    assertFalse(
        r.getJsonArray("content").toString().contains("resource_link"), "not in 2025-03-26");
    assertTrue(
        r.getJsonArray("content").toString().contains("\"type\":\"resource\""),
        "the CSV is embedded");
  }

  private static JsonObject page(long offset) throws Exception {
    JsonObject r =
        client.callTool(
            "execute_powerbi_query",
            Json.createObjectBuilder()
                .add("workspace_id", WORKSPACE)
                .add("dataset_id", SALES)
                .add("offset", offset)
                .add("queries", Json.createArrayBuilder().add("EVALUATE 'Sales'"))
                .build());
    assertFalse(r.getBoolean("isError", false), r.toString());
    assertTrue(r.toString().length() <= 100_000);
    return r.getJsonObject("structuredContent").getJsonArray("results").getJsonObject(0);
  }

  @Test
  void brokenDaxIsAToolErrorNeverAnOutage() throws Exception {
    for (String dax :
        List.of(
            "EVALUATE ROW(\"x\", 99999999999999999999 + 1)",
            "EVALUATE ROW(\"x\", " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + ")",
            "EVALUATE ROW(\"x\", " + "-".repeat(5_000) + "1)",
            "EVALUATE PATH(1, 2)",
            "EVALUATE {1, \"a\"} ORDER BY [Value]")) {
      JsonObject r = call(dax);
      String text = r.getJsonArray("content").getJsonObject(0).getString("text");
      assertFalse(text.contains("Exception") || text.contains("could not be reached"), text);
    }
    String unsupported =
        call("EVALUATE PATH(1, 2)").getJsonArray("content").getJsonObject(0).getString("text");
    assertTrue(unsupported.contains("does not support the function 'PATH'"), unsupported);
  }

  @Test
  void rowLevelSecurityFollowsTheEffectiveUser() throws Exception {
    String hr = SampleIds.dataset("HR Headcount");
    String query = "EVALUATE ROW(\"n\", [Headcount], \"all\", COUNTROWS(ALL(Employee)))";
    assertEquals("[{\"[n]\":10,\"[all]\":10}]", headcount(hr, query, "sales.manager@contoso.com"));
    assertEquals("[{\"[n]\":null,\"[all]\":null}]", headcount(hr, query, "visitor@contoso.com"));
    assertEquals(
        "[{\"[n]\":40,\"[all]\":40}]", headcount(hr, query, null), "the model's owner sees all");
  }

  private static String headcount(String dataset, String dax, String user) throws Exception {
    var body =
        Json.createObjectBuilder()
            .add(
                "queries",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("query", dax)))
            .add("serializerSettings", Json.createObjectBuilder().add("includeNulls", true));
    if (user != null) {
      body.add("impersonatedUserName", user);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + Ports.http()
                                + "/emulator/v1.0/myorg/groups/"
                                + SampleIds.workspace("HR")
                                + "/datasets/"
                                + dataset
                                + "/executeQueries"))
                    .header("Authorization", "Bearer test-token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return McpHttp.parse(r.body())
        .getJsonArray("results")
        .getJsonObject(0)
        .getJsonArray("tables")
        .getJsonObject(0)
        .getJsonArray("rows")
        .toString();
  }
}
