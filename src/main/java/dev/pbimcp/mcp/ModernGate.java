package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.Registry;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Admits a 2026-07-28 request: the {@code Mcp-Method}, {@code Mcp-Name} and {@code Mcp-Param-*}
 * headers must agree with the body (-32020), {@code _meta} must carry the protocol version and the
 * client's capabilities (-32602), the version must be served (-32022), and a {@code requestState}
 * must be one this server signed (-32602). All of these are HTTP 400.
 */
@Unproxied
public class ModernGate {
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

  private final Registry registry;
  private final SessionCodec codec;

  @Inject
  public ModernGate(Registry registry, SessionCodec codec) {
    this.registry = registry;
    this.codec = codec;
  }

  /** Whether a request opens the modern era: it names its version in {@code _meta}. */
  public static boolean isModern(JsonObject request, String versionHeader) {
    if ("server/discover".equals(request.getString("method", ""))) {
      return true;
    }
    if (JsonRpc.params(request).get("_meta") instanceof JsonObject meta
        && meta.containsKey(META_VERSION)) {
      return true;
    }
    // A plain initialize opens a legacy session, whatever a falling-back client's headers say.
    return !"initialize".equals(request.getString("method", ""))
        && versionHeader != null
        && !ProtocolVersions.LEGACY.contains(versionHeader.strip());
  }

  /**
   * The request's client context, or an {@link McpError} (its HTTP status: {@link
   * ModernMethods#refusalStatus}).
   *
   * @param header looks a request header up by name, case-insensitively (null when absent)
   */
  public Modern admit(JsonObject request, UnaryOperator<String> header) {
    String method = request.getString("method");
    JsonObject params = JsonRpc.params(request);
    String methodHeader = header.apply("Mcp-Method");
    if (methodHeader == null || !methodHeader.strip().equals(method)) {
      throw mismatch("The Mcp-Method header must equal the body's method (" + method + ").");
    }
    if (!(params.get("_meta") instanceof JsonObject meta)) {
      throw invalid("params._meta is required: protocol version and client capabilities.");
    }
    if (!(meta.get(META_VERSION) instanceof JsonString version)) {
      throw invalid("params._meta needs " + META_VERSION + ".");
    }
    if (!(meta.get(META_CAPABILITIES) instanceof JsonObject capabilities)) {
      throw invalid("params._meta needs " + META_CAPABILITIES + " (an object, {} for none).");
    }
    String versionHeader = header.apply("MCP-Protocol-Version");
    if (versionHeader == null || !versionHeader.strip().equals(version.getString())) {
      throw mismatch("The MCP-Protocol-Version header must equal _meta's protocol version.");
    }
    if (!ProtocolVersions.MODERN.equals(version.getString())) {
      throw new McpError(
          JsonRpc.UNSUPPORTED_VERSION,
          "Unsupported protocol version " + version.getString() + ".",
          Jsonp.createObjectBuilder()
              .add("supported", Jsonp.createArrayBuilder(ProtocolVersions.ALL))
              .add("requested", version.getString())
              .build());
    }
    checkName(method, params, header);
    if ("tools/call".equals(method)) {
      checkParamHeaders(params, header);
    }
    String client =
        meta.get(META_CLIENT) instanceof JsonObject info ? info.getString("name", "") : "";
    Optional<LogLevel> level =
        meta.get(META_LOG_LEVEL) instanceof JsonString s
            ? LogLevel.parse(s.getString())
            : Optional.empty();
    return new Modern(capabilities, client, level, answers(request));
  }

  /** The answers so far: those the signed requestState carries, plus the new inputResponses. */
  private JsonObject answers(JsonObject request) {
    JsonObject params = JsonRpc.params(request);
    JsonValue responses = params.get("inputResponses");
    JsonValue state = params.get("requestState");
    if (responses == null && state == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (responses != null && !(responses instanceof JsonObject)) {
      throw McpError.invalidParams("inputResponses must be an object keyed like inputRequests.");
    }
    var all = Jsonp.createObjectBuilder();
    if (state != null) {
      JsonObject claims =
          (state instanceof JsonString s
                  ? codec.opened(s.getString())
                  : Optional.<JsonObject>empty())
              .filter(c -> "mrtr".equals(c.getString("typ", "")))
              .filter(c -> binding(request).equals(c.getString("for", "")))
              .orElseThrow(
                  () ->
                      McpError.invalidParams(
                          "requestState failed its integrity check: it was altered or belongs to"
                              + " another request. Start the request again without it."));
      claims.getJsonObject("a").forEach(all::add);
    }
    if (responses instanceof JsonObject r) {
      r.forEach(
          (k, v) -> {
            if (v instanceof JsonObject) {
              all.add(k, v);
            }
          });
    }
    return all.build();
  }

  /** The signed state an {@code input_required} result carries: the answers so far. */
  String requestState(JsonObject request, JsonObject answers) {
    return codec.signed(
        Jsonp.createObjectBuilder()
            .add("typ", "mrtr")
            .add("for", binding(request))
            .add("a", answers)
            .build());
  }

  /** A state is good only for the same method on the same tool, prompt or resource. */
  private static String binding(JsonObject request) {
    JsonObject p = JsonRpc.params(request);
    return request.getString("method", "") + " " + p.getString("name", p.getString("uri", ""));
  }

  private static void checkName(String method, JsonObject params, UnaryOperator<String> header) {
    String field =
        switch (method) {
          case "tools/call", "prompts/get" -> "name";
          case "resources/read" -> "uri";
          default -> null;
        };
    if (field == null || !(params.get(field) instanceof JsonString body)) {
      return;
    }
    String raw = header.apply("Mcp-Name");
    if (raw == null
        || !HeaderValues.decode(raw).map(v -> v.equals(body.getString())).orElse(false)) {
      throw mismatch("The Mcp-Name header must equal params." + field + ".");
    }
  }

  /** A tool argument marked {@code x-mcp-header} must be mirrored in its Mcp-Param-* header. */
  private void checkParamHeaders(JsonObject params, UnaryOperator<String> header) {
    if (!(params.get("name") instanceof JsonString name)) {
      return;
    }
    Optional<McpTool> tool = registry.tool(name.getString());
    if (tool.isEmpty()
        || !(tool.get().definition().inputSchema().get("properties") instanceof JsonObject props)) {
      return;
    }
    JsonObject args =
        params.get("arguments") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
    props.forEach(
        (arg, schema) -> {
          if (!(schema instanceof JsonObject s)
              || !(s.get("x-mcp-header") instanceof JsonString h)) {
            return;
          }
          String raw = header.apply("Mcp-Param-" + h.getString());
          JsonValue value = args.get(arg);
          String expected =
              value == null
                  ? null
                  : value instanceof JsonString str ? str.getString() : value.toString();
          if (raw == null && expected == null) {
            return;
          }
          if (raw == null
              || expected == null
              || !HeaderValues.decode(raw).map(expected::equals).orElse(false)) {
            throw mismatch(
                "The Mcp-Param-" + h.getString() + " header must equal the argument " + arg + ".");
          }
        });
  }

  private static McpError mismatch(String message) {
    return new McpError(JsonRpc.HEADER_MISMATCH, message);
  }

  private static McpError invalid(String message) {
    return McpError.invalidParams(message);
  }
}
