package dev.pbimcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A 2026-07-28 client over plain HTTP: every request carries its version, capabilities and client
 * info in {@code _meta}, and the Mcp-Method / Mcp-Name headers; no session, no initialize.
 */
final class ModernClient {
  static final String VERSION = "2026-07-28";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI endpoint;
  private final JsonObject capabilities;
  private final AtomicInteger ids = new AtomicInteger();

  ModernClient(int port, JsonObject capabilities) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
    this.capabilities = capabilities;
  }

  ModernClient(int port) {
    this(port, JsonObject.EMPTY_JSON_OBJECT);
  }

  /** The params with this client's {@code _meta} added. */
  JsonObject withMeta(JsonObject params) {
    JsonObjectBuilder b = Json.createObjectBuilder(params);
    JsonObjectBuilder meta =
        params.get("_meta") instanceof JsonObject m
            ? Json.createObjectBuilder(m)
            : Json.createObjectBuilder();
    return b.add(
            "_meta",
            meta.add("io.modelcontextprotocol/protocolVersion", VERSION)
                .add("io.modelcontextprotocol/clientCapabilities", capabilities)
                .add(
                    "io.modelcontextprotocol/clientInfo",
                    Json.createObjectBuilder().add("name", "modern-it").add("version", "1")))
        .build();
  }

  HttpResponse<String> send(String method, JsonObject params) throws Exception {
    return HTTP.send(
        request(method, params, java.util.Map.of()), HttpResponse.BodyHandlers.ofString());
  }

  /** The HTTP request for a modern call, with {@code extra} headers set last. */
  HttpRequest request(String method, JsonObject params, java.util.Map<String, String> extra) {
    int id = ids.incrementAndGet();
    JsonObject body =
        Json.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("id", id)
            .add("method", method)
            .add("params", withMeta(params))
            .build();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .header("MCP-Protocol-Version", VERSION)
            .header("Mcp-Method", method);
    String name =
        params.get("name") instanceof JsonString n
            ? n.getString()
            : params.get("uri") instanceof JsonString u ? u.getString() : null;
    if (name != null) {
      b.header("Mcp-Name", name);
    }
    extra.forEach(b::setHeader);
    return b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  static HttpClient http() {
    return HTTP;
  }

  /** The JSON-RPC response (from JSON or from the stream). */
  JsonObject call(String method, JsonObject params) throws Exception {
    HttpResponse<String> r = send(method, params);
    return McpHttp.responseFrom(r, ids.get());
  }

  JsonObject result(String method, JsonObject params) throws Exception {
    JsonObject response = call(method, params);
    if (!response.containsKey("result")) {
      throw new AssertionError(method + " failed: " + response);
    }
    return response.getJsonObject("result");
  }
}
