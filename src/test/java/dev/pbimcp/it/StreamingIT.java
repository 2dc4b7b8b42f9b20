package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.it.McpHttp.SseEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Answers that stream: progress, cancellation, questions to the client, resumption. */
@ExtendWith(ArquillianExtension.class)
class StreamingIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  private McpHttp client;

  @BeforeEach
  void open() throws Exception {
    client = McpHttp.on(Ports.http());
    client.initialize(
        "2025-11-25",
        Json.createObjectBuilder().add("sampling", JsonObject.EMPTY_JSON_OBJECT).build());
  }

  @Test
  void progressArrivesBeforeTheAnswerOnOneStream() throws Exception {
    int id = client.nextId();
    HttpResponse<String> r =
        client.post(waitCall(id, 3, "tok").toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertEquals(
        "text/event-stream", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    var events = SseEvent.parse(r.body().lines().iterator());
    SseEvent priming = events.get(0);
    assertNotNull(priming.id());
    assertEquals(1000, priming.retry());
    assertEquals("", priming.data());
    long progress =
        events.stream().filter(e -> e.data().contains("notifications/progress")).count();
    assertEquals(3, progress);
    JsonObject last = McpHttp.parse(events.get(events.size() - 1).data());
    assertEquals(id, last.getInt("id"));
  }

  @Test
  void withoutProgressTokenTheAnswerIsPlainJson() throws Exception {
    HttpResponse<String> r =
        client.post(
            waitCall(client.nextId(), 1, null).toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void cancellationStopsTheWorkAndSendsNoAnswer() throws Exception {
    int before = counters().getInt("cancelled");
    int id = client.nextId();
    HttpResponse<Stream<String>> r =
        client.postStreaming(
            waitCall(id, 300, "cancel-me").toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    Iterator<String> lines = r.body().iterator();
    SseEvent.next(lines); // priming
    SseEvent firstProgress = SseEvent.next(lines);
    assertTrue(firstProgress.data().contains("notifications/progress"));
    var cancel =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("method", "notifications/cancelled")
            .add("params", Json.createObjectBuilder().add("requestId", id).add("reason", "test"))
            .build();
    assertEquals(202, client.post(cancel.toString(), Map.of()).statusCode());
    SseEvent e;
    boolean answered = false;
    while ((e = SseEvent.next(lines)) != null) {
      answered |= e.data().contains("\"result\"") || e.data().contains("\"error\"");
    }
    assertFalse(answered, "a cancelled request must get no response");
    assertEquals(before + 1, counters().getInt("cancelled"));
  }

  @Test
  void serverAsksTheClientAndTheAnswerIsRoutedBack() throws Exception {
    int id = client.nextId();
    var call =
        McpHttp.request(
            id,
            "tools/call",
            Json.createObjectBuilder()
                .add("name", "test_sampling")
                .add("arguments", Json.createObjectBuilder().add("prompt", "Say hi"))
                .build());
    HttpResponse<Stream<String>> r =
        client.postStreaming(call.toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    Iterator<String> lines = r.body().iterator();
    SseEvent.next(lines);
    JsonObject question = McpHttp.parse(SseEvent.next(lines).data());
    assertEquals("sampling/createMessage", question.getString("method"));
    var answer =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("id", question.get("id"))
            .add(
                "result",
                Json.createObjectBuilder()
                    .add("role", "assistant")
                    .add("model", "test")
                    .add(
                        "content",
                        Json.createObjectBuilder().add("type", "text").add("text", "hi!")))
            .build();
    assertEquals(202, client.post(answer.toString(), Map.of()).statusCode());
    JsonObject result = McpHttp.parse(SseEvent.next(lines).data());
    assertEquals(
        "LLM response: hi!",
        result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
  }

  @Test
  void aClosedStreamIsResumedWithLastEventId() throws Exception {
    int id = client.nextId();
    var call =
        McpHttp.request(
            id, "tools/call", Json.createObjectBuilder().add("name", "test_reconnection").build());
    HttpResponse<String> first =
        client.post(call.toString(), Map.of("Accept", McpHttp.ACCEPT_BOTH));
    var events = SseEvent.parse(first.body().lines().iterator());
    assertEquals(1, events.size(), "only the priming event before the server closes");
    HttpResponse<String> resumed =
        client.send(
            "GET", Map.of("Accept", "text/event-stream", "Last-Event-ID", events.get(0).id()));
    JsonObject answer = McpHttp.responseFrom(resumed, id);
    assertEquals(
        "Reconnection test completed successfully",
        answer.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
  }

  @Test
  void resourceUpdatesArriveOnTheSessionStream() throws Exception {
    client.result(
        "resources/subscribe",
        Json.createObjectBuilder().add("uri", "test://watched-resource").build());
    HttpResponse<Stream<String>> stream = client.getStream(Map.of("Accept", "text/event-stream"));
    Iterator<String> lines = stream.body().iterator();
    SseEvent.next(lines); // priming: the stream is attached from here on
    CompletableFuture<SseEvent> update = CompletableFuture.supplyAsync(() -> SseEvent.next(lines));
    client.callTool(
        "fixture_touch", Json.createObjectBuilder().add("uri", "test://watched-resource").build());
    SseEvent e = update.get(10, TimeUnit.SECONDS);
    JsonObject note = McpHttp.parse(e.data());
    assertEquals("notifications/resources/updated", note.getString("method"));
    assertEquals("test://watched-resource", note.getJsonObject("params").getString("uri"));
    assertEquals(204, client.send("DELETE", Map.of()).statusCode());
    assertNull(SseEvent.next(lines), "ending the session ends its stream");
  }

  private JsonObject counters() throws Exception {
    JsonObject read =
        client.result(
            "resources/read", Json.createObjectBuilder().add("uri", "fixture://counters").build());
    return McpHttp.parse(read.getJsonArray("contents").getJsonObject(0).getString("text"));
  }

  private static JsonObject waitCall(int id, int steps, String progressToken) {
    var params =
        Json.createObjectBuilder()
            .add("name", "fixture_wait")
            .add("arguments", Json.createObjectBuilder().add("steps", steps));
    if (progressToken != null) {
      params.add("_meta", Json.createObjectBuilder().add("progressToken", progressToken));
    }
    return McpHttp.request(id, "tools/call", params.build());
  }
}
