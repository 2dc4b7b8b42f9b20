package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server told to stop (SIGTERM) with a call in flight and a stream open: the call gets its answer
 * (it finishes within the stop's grace), the stream ends as a stream ends, not as a dropped
 * connection, and the server stops without waiting out Liberty's quiesce timeout.
 */
@ExtendWith(ArquillianExtension.class)
class ShutdownIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  @Test
  void aCallInFlightIsAnsweredAndStreamsCloseCleanly() throws Exception {
    ExtraServer server =
        new ExtraServer(
                "pbimcp-shutdown",
                Ports.second(),
                "shutdown-session-key-0123456789abcdefgh",
                Map.of(),
                TestDeployments.productWithFixturesFile())
            .start();
    try {
      McpHttp client = McpHttp.on(server.port());
      client.initialize();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<InputStream> stream =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                  .header("Accept", "text/event-stream")
                  .header("Mcp-Session-Id", client.sessionId())
                  .header("MCP-Protocol-Version", "2025-11-25")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, stream.statusCode());
      CompletableFuture<byte[]> rest =
          CompletableFuture.supplyAsync(
              () -> {
                try (InputStream in = stream.body()) {
                  return in.readAllBytes(); // ends only when the stream is closed properly
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      CompletableFuture<JsonObject> call =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return client.callTool(
                      "fixture_wait", Json.createObjectBuilder().add("steps", 20).build());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(500);
      long start = System.nanoTime();
      // SIGTERM, as a container host stops an instance.
      ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
      process.destroy();
      JsonObject answer = call.get(30, TimeUnit.SECONDS);
      assertTrue(answer.toString().contains("done after 20 steps"), answer.toString());
      rest.get(30, TimeUnit.SECONDS);
      process.onExit().get(60, TimeUnit.SECONDS);
      long stopMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(stopMillis < 25_000, "no wait for the quiesce timeout: " + stopMillis + " ms");
      System.out.println("shutdown: stopped in " + stopMillis + " ms with a 2 s call in flight");
    } finally {
      server.close();
    }
  }
}
