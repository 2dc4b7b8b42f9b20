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
import org.junit.jupiter.api.AfterAll;
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

  @AfterAll
  static void table() {
    FaultCampaign.print("FaultsIT (timeout 3 s, circuit pause 2 s)");
  }

  @Test
  void shortThrottlingIsWaitedOut() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":429,\"retryAfter\":1,\"count\":1}");
    FaultCampaign.Run run = new FaultCampaign.Run("429, Retry-After 1 s, once");
    String text = run.call(client);
    assertEquals("", text, "waited out and retried");
    run.end(attempts(), -1);
  }

  @Test
  void longThrottlingIsReportedWithTheWait() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":429,\"retryAfter\":30,\"count\":5}");
    FaultCampaign.Run run = new FaultCampaign.Run("429, Retry-After 30 s");
    String text = run.call(client);
    assertTrue(text.contains("throttling") && text.contains("Retry after 30 s"), text);
    run.end(attempts(), -1);
  }

  @Test
  void transientServerErrorsAreRetriedAndPersistentOnesReported() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":503,\"count\":2}");
    FaultCampaign.Run transient503 = new FaultCampaign.Run("503 twice");
    assertEquals("", transient503.call(client));
    transient503.end(attempts(), -1);
    emulator("DELETE", null);
    inject("{\"path\":\"groups$\",\"status\":500,\"count\":10}");
    FaultCampaign.Run run = new FaultCampaign.Run("500, one call");
    String text = run.call(client);
    assertTrue(text.contains("temporary problem (HTTP 500)"), text);
    run.end(attempts(), -1);
  }

  @Test
  void repeatedFailuresOpenTheCircuitWhichFailsFastAndThenRecovers() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":502,\"count\":1000}");
    FaultCampaign.Run run = new FaultCampaign.Run("502 until cleared");
    String text = "";
    for (int i = 0; i < 4 && !text.contains("paused"); i++) {
      text = run.call(client);
    }
    assertTrue(text.contains("paused calls"), text);
    long start = System.nanoTime();
    String fast = run.call(client);
    assertTrue(fast.contains("paused calls"), fast);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "an open circuit answers at once");
    int attempts = attempts();
    run.end(attempts, recover());
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
    FaultCampaign.Run run = new FaultCampaign.Run("5 s answer, once");
    String text = run.call(client);
    assertTrue(text.contains("did not answer within 3 s"), text);
    run.end(attempts(), -1);
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
    FaultCampaign.Run run = new FaultCampaign.Run("cut-off JSON");
    String text = run.call(client, "execute_powerbi_query", args);
    assertTrue(text.contains("could not be read"), text);
    run.end(attempts(), -1);
  }

  @Test
  void timeoutsOpenTheCircuitSoAHungPowerBiStopsCostingEveryCallTheFullWait() throws Exception {
    inject("{\"path\":\"groups$\",\"delayMs\":4000,\"count\":1000}");
    FaultCampaign.Run run = new FaultCampaign.Run("4 s answers (hung)");
    String text = "";
    int calls = 0;
    for (; calls < 10 && !text.contains("paused"); calls++) {
      text = run.call(client);
    }
    assertTrue(text.contains("paused calls") && text.matches("(?s).*Try again in \\d+ s.*"), text);
    assertEquals(9, calls, "eight timeouts in a row open it, each tried once");
    int attempts = attempts();
    assertEquals(8, attempts, "a timeout is not retried");
    run.end(attempts, recover());
  }

  @Test
  void droppedConnectionsAreRetriedCountedAndNamedInWords() throws Exception {
    inject("{\"path\":\"groups$\",\"body\":\"drop\",\"count\":1}");
    FaultCampaign.Run once = new FaultCampaign.Run("dropped mid-answer, once");
    assertEquals("", once.call(client), "one drop is retried");
    once.end(attempts(), -1);
    emulator("DELETE", null);
    inject("{\"path\":\"groups$\",\"body\":\"drop\",\"count\":1000}");
    FaultCampaign.Run run = new FaultCampaign.Run("dropped mid-answer until cleared");
    String first = run.call(client);
    assertTrue(
        first.contains("could not be reached") || first.contains("could not be read"), first);
    assertFalse(
        first.matches("(?s).*[A-Z][a-z]+(Exception|Error)\\b.*"), "no Java class: " + first);
    String next = "";
    for (int i = 0; i < 3 && !next.contains("paused"); i++) {
      next = run.call(client);
    }
    assertTrue(next.contains("paused calls"), "eight failed attempts open the circuit: " + next);
    int attempts = attempts();
    run.end(attempts, recover());
  }

  @Test
  void proxyPagesAreServiceFailuresNotJavaErrors() throws Exception {
    inject("{\"path\":\"groups$\",\"status\":502,\"body\":\"html\",\"count\":4}");
    FaultCampaign.Run proxy = new FaultCampaign.Run("proxy's HTML page, 502");
    String gateway = proxy.call(client);
    assertTrue(gateway.contains("temporary problem (HTTP 502)"), gateway);
    proxy.end(attempts(), -1);
    emulator("DELETE", null);
    inject("{\"path\":\"groups$\",\"body\":\"html\",\"count\":4}");
    FaultCampaign.Run run = new FaultCampaign.Run("HTML page, 200");
    String page = run.call(client);
    assertTrue(page.contains("could not be read"), page);
    assertFalse(page.contains("Exception"), page);
    int attempts = attempts();
    run.end(attempts, recover());
  }

  @Test
  void daxErrorsNeverOpenTheCircuit() throws Exception {
    String[] sales = PowerBiToolsIT.salesModelVia(client);
    JsonObject bad =
        PowerBiToolsIT.model(sales)
            .add("queries", Json.createArrayBuilder().add("EVALUATE 99999999999999999999 +"))
            .build();
    FaultCampaign.Run run = new FaultCampaign.Run("the user's bad DAX");
    for (int i = 0; i < 12; i++) {
      String text = run.call(client, "execute_powerbi_query", bad);
      assertFalse(text.isEmpty() || text.contains("paused"), "not an outage: " + text);
    }
    run.end(-1, -1);
    assertFalse(
        client
            .callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT)
            .getBoolean("isError", false));
  }

  /**
   * Clears the faults and calls until service is back (the circuit's pause is 2 s on the IT server,
   * then one trial call closes it): the milliseconds that took.
   */
  private static long recover() throws Exception {
    emulator("DELETE", null);
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      JsonObject r = client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
      if (!r.getBoolean("isError", false)) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the trial call did not close the circuit within 5 s");
  }

  private static int attempts() throws Exception {
    return FaultCampaign.attempts(Ports.http());
  }

  private static void inject(String fault) throws Exception {
    assertEquals(204, emulator("POST", fault));
  }

  private static int emulator(String method, String body) throws Exception {
    return EmulatorFaults.send(Ports.http(), method, body);
  }
}
