package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load check: 500 concurrent tool calls against a Power BI that takes 3 s a call, on a server
 * allowed 4 requests at work and 4 waiting. The excess is refused at once with 503 and Retry-After,
 * the server's threads stay bounded (the unmanaged pool this replaced grew a thread per call), and
 * once the burst is over it answers normally.
 */
@ExtendWith(ArquillianExtension.class)
class SaturationIT {
  private static final int CALLS = 500;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void aBurstBeyondTheBoundIsRefusedWith503AndTheServerRecovers() throws Exception {
    Map<String, String> settings =
        Map.of("pbimcp.max-concurrent-requests", "4", "pbimcp.max-queued-requests", "4");
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-saturation", Ports.third(), "saturation-key-0123456789abcdefgh", settings)
            .start()) {
      int port = server.port();
      McpHttp client = McpHttp.on(port);
      client.initialize();
      long pid = server.pid();
      int before = (int) ProcessSample.threads(pid);
      fault(port, "POST", "{\"path\":\"groups$\",\"delayMs\":3000,\"count\":" + CALLS + "}");

      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<HttpResponse<String>> refused = new ArrayList<>();
      AtomicInteger peak = new AtomicInteger();
      ExecutorService callers = Executors.newFixedThreadPool(CALLS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        int id = 1000 + i;
        calls.add(
            callers.submit(
                () -> {
                  go.await();
                  return post(client, listWorkspaces(id));
                }));
      }
      go.countDown();
      // Sample the server's threads while the burst is in flight.
      for (int i = 0; i < 20; i++) {
        peak.accumulateAndGet((int) ProcessSample.threads(pid), Math::max);
        Thread.sleep(100);
      }
      for (int i = 0; i < CALLS; i++) {
        HttpResponse<String> r = calls.get(i).get();
        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        if (r.statusCode() == 503) {
          synchronized (refused) {
            refused.add(r);
          }
        } else {
          assertEquals(200, r.statusCode(), r.body());
          JsonObject answer = McpHttp.responseFrom(r, 1000 + i);
          assertFalse(answer.getJsonObject("result").getBoolean("isError", false), r.body());
        }
      }
      callers.shutdown();
      int served = statuses.getOrDefault(200, new AtomicInteger()).get();
      System.out.printf(
          "saturation: %d calls, %s by status; threads %d before, %d at peak%n",
          CALLS, statuses, before, peak.get());
      assertEquals(CALLS, served + refused.size(), "only 200 and 503: " + statuses);
      assertTrue(served >= 4, "the admitted calls are served: " + statuses);
      assertTrue(refused.size() >= CALLS - 100, "the excess is refused: " + statuses);
      HttpResponse<String> one = refused.get(0);
      assertEquals("2", one.headers().firstValue("Retry-After").orElse(""));
      JsonObject error = McpHttp.parse(one.body()).getJsonObject("error");
      assertTrue(
          error
              .getString("message")
              .contains("works on as many requests as it may. Retry after 2 s."),
          one.body());
      assertTrue(
          McpHttp.parse(one.body()).getJsonNumber("id").intValue() >= 1000,
          "the refusal answers its request's id: " + one.body());
      assertTrue(
          peak.get() < before + 150,
          "threads stay bounded: " + before + " before, " + peak.get() + " at peak");

      fault(port, "DELETE", null);
      JsonObject after = client.callTool("list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
      assertFalse(after.getBoolean("isError", false), "served normally afterwards: " + after);
    }
  }

  // HTTP/1.1, a connection per call, as 500 separate clients would come (one HTTP/2 connection
  // would cap the burst at its stream limit before the server saw it).
  private static final HttpClient HTTP1 =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<String> post(McpHttp client, JsonObject message) throws Exception {
    return HTTP1.send(
        HttpRequest.newBuilder(client.endpoint())
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .header("Mcp-Session-Id", client.sessionId())
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(HttpRequest.BodyPublishers.ofString(message.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject listWorkspaces(int id) {
    return McpHttp.request(
        id,
        "tools/call",
        Json.createObjectBuilder()
            .add("name", "list_powerbi_workspaces")
            .add("arguments", JsonValue.EMPTY_JSON_OBJECT)
            .build());
  }

  private static void fault(int port, String method, String body) throws Exception {
    assertEquals(204, EmulatorFaults.send(port, method, body), method + " fault");
  }
}
