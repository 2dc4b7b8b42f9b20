package dev.pbimcp.it;

import dev.pbimcp.mcp.JsonRpc;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A small MCP client over real HTTP, for the integration tests. */
public final class McpHttp {
  public static final String ACCEPT_BOTH = "application/json, text/event-stream";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI endpoint;
  private final AtomicInteger ids = new AtomicInteger();
  private String sessionId;
  private String version;

  public McpHttp(URI endpoint) {
    this.endpoint = endpoint;
  }

  public static McpHttp on(int port) {
    return new McpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
  }

  public URI endpoint() {
    return endpoint;
  }

  public String sessionId() {
    return sessionId;
  }

  public McpHttp withSession(String id, String protocolVersion) {
    this.sessionId = id;
    this.version = protocolVersion;
    return this;
  }

  /** Opens a session; returns the initialize result. */
  public JsonObject initialize(String protocolVersion, JsonObject capabilities) throws Exception {
    var body =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("id", ids.incrementAndGet())
            .add("method", "initialize")
            .add(
                "params",
                Json.createObjectBuilder()
                    .add("protocolVersion", protocolVersion)
                    .add("capabilities", capabilities)
                    .add(
                        "clientInfo",
                        Json.createObjectBuilder().add("name", "pbimcp-it").add("version", "1")))
            .build();
    HttpResponse<String> r = post(body.toString(), Map.of("Accept", ACCEPT_BOTH));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("initialize answered " + r.statusCode() + ": " + r.body());
    }
    sessionId = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    JsonObject result = parse(r.body()).getJsonObject("result");
    version = result.getString("protocolVersion");
    post(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        Map.of("Accept", ACCEPT_BOTH));
    return result;
  }

  public JsonObject initialize() throws Exception {
    return initialize("2025-11-25", JsonValue.EMPTY_JSON_OBJECT);
  }

  /** Sends a request and returns the whole JSON-RPC response, read from JSON or from SSE. */
  public JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    HttpResponse<String> r =
        post(request(id, method, params).toString(), Map.of("Accept", ACCEPT_BOTH));
    return responseFrom(r, id);
  }

  public JsonObject result(String method, JsonObject params) throws Exception {
    JsonObject response = call(method, params);
    if (!response.containsKey("result")) {
      throw new AssertionError(method + " failed: " + response);
    }
    return response.getJsonObject("result");
  }

  public JsonObject callTool(String name, JsonObject arguments) throws Exception {
    return result(
        "tools/call",
        Json.createObjectBuilder().add("name", name).add("arguments", arguments).build());
  }

  /** The text of a tool result that must be an error ({@code isError: true}). */
  public static String toolError(JsonObject result) {
    org.junit.jupiter.api.Assertions.assertTrue(
        result.getBoolean("isError", false), "a tool error: " + result);
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  public int nextId() {
    return ids.incrementAndGet();
  }

  public static JsonObject request(int id, String method, JsonObject params) {
    return JsonRpc.request(Json.createValue(id), method, params);
  }

  /** POSTs a raw body with the session headers plus {@code extra}. */
  public HttpResponse<String> post(String body, Map<String, String> extra)
      throws IOException, InterruptedException {
    return HTTP.send(
        builder(extra).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs and returns the body as lines as they arrive (for streams). */
  public HttpResponse<Stream<String>> postStreaming(String body, Map<String, String> extra)
      throws IOException, InterruptedException {
    return HTTP.send(
        builder(extra).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  public HttpResponse<Stream<String>> getStream(Map<String, String> extra)
      throws IOException, InterruptedException {
    return HTTP.send(builder(extra).GET().build(), HttpResponse.BodyHandlers.ofLines());
  }

  public HttpResponse<String> send(String method, Map<String, String> extra)
      throws IOException, InterruptedException {
    return HTTP.send(
        builder(extra).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder builder(Map<String, String> extra) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
    if (sessionId != null && !extra.containsKey("Mcp-Session-Id")) {
      b.header("Mcp-Session-Id", sessionId);
    }
    if (version != null && !extra.containsKey("MCP-Protocol-Version")) {
      b.header("MCP-Protocol-Version", version);
    }
    extra.forEach(
        (k, v) -> {
          if (v != null) {
            b.setHeader(k, v);
          }
        });
    return b;
  }

  /** The response with this id, from a JSON body or from the SSE events of the body. */
  public static JsonObject responseFrom(HttpResponse<String> r, int id) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/event-stream")) {
      for (SseEvent e : SseEvent.parse(r.body().lines().iterator())) {
        if (!e.data().isBlank()) {
          JsonObject m = parse(e.data());
          if (m.containsKey("id") && m.getInt("id", -1) == id && !m.containsKey("method")) {
            return m;
          }
        }
      }
      throw new AssertionError("No response with id " + id + " in stream: " + r.body());
    }
    return parse(r.body());
  }

  public static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** One Server-Sent Event. */
  public record SseEvent(String id, String event, String data, Integer retry) {
    /** Parses events until the lines end. */
    public static List<SseEvent> parse(Iterator<String> lines) {
      List<SseEvent> events = new ArrayList<>();
      SseEvent e;
      while ((e = next(lines)) != null) {
        events.add(e);
      }
      return events;
    }

    /** Reads one event (skipping comments); null at the end of the stream. */
    public static SseEvent next(Iterator<String> lines) {
      String id = null;
      String event = null;
      Integer retry = null;
      StringBuilder data = null;
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (id != null || data != null || event != null) {
            return new SseEvent(id, event, data == null ? "" : data.toString(), retry);
          }
          continue;
        }
        if (line.startsWith(":")) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
        switch (field) {
          case "id" -> id = value;
          case "event" -> event = value;
          case "retry" -> retry = Integer.valueOf(value);
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          default -> {}
        }
      }
      return null;
    }
  }
}
