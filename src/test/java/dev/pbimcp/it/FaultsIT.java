package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Power BI misbehaving, injected at the emulator over HTTP: throttling, server errors, slowness and
 * broken bodies each end as a retry that succeeds or a tool error that says what to do. (The IT
 * server allows a 3 s timeout and waits out Retry-After up to 2 s.)
 */
@ExtendWith(ArquillianExtension.class)
class FaultsIT {
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

  @AfterEach
  void clear() throws Exception {
    emulator("DELETE", null);
    // A test that opened the circuit must not leave it open for the next one.
    for (int i = 0; i < 30; i++) {
      JsonObject r = client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
      if (!r.getBoolean("isError", false)) {
        return;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void shortThrottlingIsWaitedOut() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":429,\"retryAfter\":1,\"count\":1}");
    JsonObject r = client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
    assertFalse(r.getBoolean("isError", false), r.toString());
  }

  @Test
  void longThrottlingIsReportedWithTheWait() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":429,\"retryAfter\":30,\"count\":5}");
    String text =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(text.contains("throttling") && text.contains("Retry after 30 s"), text);
  }

  @Test
  void transientServerErrorsAreRetriedAndPersistentOnesReported() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":503,\"count\":2}");
    assertFalse(
        client
            .callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false));
    inject("{\"path\":\"groups$\",\"status\":500,\"count\":10}");
    String text =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(text.contains("temporary problem (HTTP 500)"), text);
  }

  @Test
  void repeatedFailuresOpenTheCircuitWhichFailsFastAndThenRecovers() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":502,\"count\":1000}");
    String text = "";
    for (int i = 0; i < 4 && !text.contains("paused"); i++) {
      text =
          McpHttp.toolError(
              client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    }
    assertTrue(text.contains("paused calls"), text);
    long start = System.nanoTime();
    String fast =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(fast.contains("paused calls"), fast);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "an open circuit answers at once");
    recover();
  }

  @Test
  void theStatusToolSaysWhenPowerBiDoesNotAnswer() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":401,\"count\":1}");
    JsonObject status = client.callTool("get_powerbi_status", JsonValue.EMPTY_JSON_OBJECT);
    assertFalse(status.getBoolean("isError", false));
    JsonObject s = status.getJsonObject("structuredContent");
    assertFalse(s.getBoolean("power_bi_reachable"));
    assertTrue(
        s.getString("power_bi_problem").contains("did not accept the server's credentials"),
        s.toString());
  }

  @Test
  void aSlowPowerBiHitsTheTimeout() throws Exception {
    inject("{\"path\":\"groups$\",\"delayMs\":5000,\"count\":1}");
    String text =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(text.contains("did not answer within 3 s"), text);
  }

  @Test
  void aMalformedAnswerIsAClearToolError() throws Exception {
    String[] sales = PowerBiToolsIT.salesModelVia(client);
    // Once is retried (an outage); every time is reported.
    inject("{\"path\":\"executeQueries$\",\"malformed\":true,\"count\":10}");
    JsonObject args =
        PowerBiToolsIT.model(sales)
            .add("queries", Json.createArrayBuilder().add("EVALUATE 'Store'"))
            .build();
    String text = McpHttp.toolError(client.callTool("execute_powerbi_query", args));
    assertTrue(text.contains("could not be read"), text);
  }

  @Test
  void timeoutsOpenTheCircuitSoAHungPowerBiStopsCostingEveryCallTheFullWait() throws Exception {
    inject("{\"path\":\"groups$\",\"delayMs\":4000,\"count\":1000}");
    String text = "";
    int calls = 0;
    for (; calls < 10 && !text.contains("paused"); calls++) {
      text =
          McpHttp.toolError(
              client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    }
    assertTrue(text.contains("paused calls") && text.matches("(?s).*Try again in \\d+ s.*"), text);
    assertEquals(9, calls, "eight timeouts in a row open it, each tried once");
    recover();
  }

  @Test
  void droppedConnectionsAreRetriedCountedAndNamedInWords() throws Exception {
    inject("{\"path\":\"groups$\",\"body\":\"drop\",\"count\":1}");
    assertFalse(
        client
            .callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false),
        "one drop is retried");
    inject("{\"path\":\"groups$\",\"body\":\"drop\",\"count\":1000}");
    String first =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(
        first.contains("could not be reached") || first.contains("could not be read"), first);
    assertFalse(
        first.matches("(?s).*[A-Z][a-z]+(Exception|Error)\\b.*"), "no Java class: " + first);
    String next = "";
    for (int i = 0; i < 3 && !next.contains("paused"); i++) {
      next =
          McpHttp.toolError(
              client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    }
    assertTrue(next.contains("paused calls"), "eight failed attempts open the circuit: " + next);
    recover();
  }

  @Test
  void proxyPagesAreServiceFailuresNotJavaErrors() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":502,\"body\":\"html\",\"count\":4}");
    String gateway =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(gateway.contains("temporary problem (HTTP 502)"), gateway);
    inject("{\"path\":\"groups$\",\"body\":\"html\",\"count\":4}");
    String page =
        McpHttp.toolError(client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT));
    assertTrue(page.contains("could not be read"), page);
    assertFalse(page.contains("Exception"), page);
    recover();
  }

  @Test
  void daxErrorsNeverOpenTheCircuit() throws Exception {
    String[] sales = PowerBiToolsIT.salesModelVia(client);
    JsonObject bad =
        PowerBiToolsIT.model(sales)
            .add("queries", Json.createArrayBuilder().add("EVALUATE 99999999999999999999 +"))
            .build();
    for (int i = 0; i < 12; i++) {
      String text = McpHttp.toolError(client.callTool("execute_powerbi_query", bad));
      assertFalse(text.contains("paused"), "a user's bad DAX is not an outage: " + text);
    }
    assertFalse(
        client
            .callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false));
  }

  /** Clears the faults and lets the circuit's pause (2 s on the IT server) run out. */
  private static void recover() throws Exception {
    emulator("DELETE", null);
    Thread.sleep(2500);
    assertFalse(
        client
            .callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false),
        "the trial call closes the circuit again");
  }

  private static void inject(String fault) throws Exception {
    assertEquals(204, emulator("POST", fault));
  }

  private static int emulator(String method, String body) throws Exception {
    return EmulatorFaults.send(Ports.http(), method, body);
  }
}
