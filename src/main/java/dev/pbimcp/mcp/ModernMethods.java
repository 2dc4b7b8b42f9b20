package dev.pbimcp.mcp;

import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The 2026-07-28 era: each request is served on its own, from what it carries. The same method
 * classes as the legacy era do the work; this class adds what the revision changed: {@code
 * server/discover}, {@code resultType} on every result, caching hints on lists and reads, {@code
 * input_required} results instead of requests to the client, and 404-worthy "method not found" for
 * the methods the revision removed.
 */
@ApplicationScoped
public class ModernMethods {
  private static final Set<String> INPUT_CAPABLE =
      Set.of("tools/call", "prompts/get", "resources/read");
  private static final Set<String> CACHEABLE =
      Set.of(
          "tools/list",
          "prompts/list",
          "resources/list",
          "resources/templates/list",
          "resources/read");
  private static final long LIST_TTL_MS = 60_000;

  private final ToolMethods tools;
  private final ResourceMethods resources;
  private final PromptMethods prompts;
  private final CompletionMethods completions;
  private final ClientRequests clientRequests;
  private final LogLevels logLevels;
  private final ModernGate gate;
  private final Registry registry;
  private final ServerInfo info;

  @Inject
  public ModernMethods(
      ToolMethods tools,
      ResourceMethods resources,
      PromptMethods prompts,
      CompletionMethods completions,
      ClientRequests clientRequests,
      LogLevels logLevels,
      ModernGate gate,
      Registry registry,
      ServerInfo info) {
    this.tools = tools;
    this.resources = resources;
    this.prompts = prompts;
    this.completions = completions;
    this.clientRequests = clientRequests;
    this.logLevels = logLevels;
    this.gate = gate;
    this.registry = registry;
    this.info = info;
  }

  /** For CDI's proxy. */
  protected ModernMethods() {
    this(null, null, null, null, null, null, null, null, null);
  }

  public Exchange exchange(Modern modern, JsonObject request, Outbound outbound) {
    return new Exchange(modern.session(), request, outbound, clientRequests, logLevels, modern);
  }

  /** Answers a request; null when it was cancelled (its stream closed). */
  public JsonObject handle(JsonObject request, Exchange exchange) {
    JsonValue id = request.get("id");
    String method = request.getString("method");
    try {
      JsonObject result = dispatch(method, JsonRpc.params(request), exchange);
      if (exchange.isCancelled()) {
        return null;
      }
      JsonObjectBuilder b = Json.createObjectBuilder(result).add("resultType", "complete");
      if (CACHEABLE.contains(method)) {
        boolean personal = method.equals("resources/read");
        b.add("ttlMs", LIST_TTL_MS).add("cacheScope", personal ? "private" : "public");
      }
      return JsonRpc.result(id, b.build());
    } catch (InputRequired r) {
      if (!INPUT_CAPABLE.contains(method)) {
        return JsonRpc.error(
            id, JsonRpc.INTERNAL_ERROR, "This method cannot ask the client.", null);
      }
      return JsonRpc.result(
          id,
          Json.createObjectBuilder()
              .add("resultType", "input_required")
              .add("inputRequests", r.inputRequests())
              .add("requestState", gate.requestState(request, exchange.modern().answers()))
              .build());
    } catch (McpError e) {
      if (e.code() == JsonRpc.RESOURCE_NOT_FOUND) {
        // 2026-07-28 (SEP-2164): an unknown resource is an invalid parameter.
        return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, e.getMessage(), e.data());
      }
      return JsonRpc.error(id, e);
    } catch (Exception e) {
      return McpEngine.failed(id, e, exchange);
    }
  }

  private JsonObject dispatch(String method, JsonObject params, Exchange exchange)
      throws Exception {
    return switch (method) {
      case "server/discover" -> discover();
      case "tools/list" -> tools.list(params);
      case "tools/call" -> tools.call(params, exchange);
      case "resources/list" -> resources.list(params);
      case "resources/templates/list" -> resources.templates(params);
      case "resources/read" -> resources.read(params);
      case "prompts/list" -> prompts.list(params);
      case "prompts/get" -> prompts.get(params, exchange);
      case "completion/complete" -> completions.complete(params);
      default ->
          throw new McpError(
              JsonRpc.METHOD_NOT_FOUND,
              "Method not found in protocol version " + ProtocolVersions.MODERN + ": " + method,
              null,
              404);
    };
  }

  private JsonObject discover() {
    var versions = Json.createArrayBuilder();
    ProtocolVersions.ALL.forEach(versions::add);
    JsonObject server =
        Json.createObjectBuilder()
            .add("name", ServerInfo.NAME)
            .add("title", ServerInfo.TITLE)
            .add("version", info.version())
            .build();
    return Json.createObjectBuilder()
        .add("supportedVersions", versions)
        .add("capabilities", capabilities())
        .add("serverInfo", server)
        .add("instructions", McpEngine.INSTRUCTIONS)
        .add("_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/serverInfo", server))
        .build();
  }

  private JsonObject capabilities() {
    JsonObjectBuilder caps =
        Json.createObjectBuilder()
            .add("tools", Json.createObjectBuilder().add("listChanged", true))
            .add("completions", JsonValue.EMPTY_JSON_OBJECT);
    if (registry.hasResources()) {
      caps.add(
          "resources", Json.createObjectBuilder().add("subscribe", true).add("listChanged", true));
    }
    if (registry.hasPrompts()) {
      caps.add("prompts", Json.createObjectBuilder().add("listChanged", true));
    }
    return caps.build();
  }

  /** The HTTP status a modern answer travels with (the transport maps some errors to statuses). */
  public static int status(JsonObject response) {
    if (!(response.get("error") instanceof JsonObject error)) {
      return 200;
    }
    return switch (error.getInt("code", 0)) {
      case JsonRpc.METHOD_NOT_FOUND -> 404;
      case JsonRpc.HEADER_MISMATCH,
          JsonRpc.MISSING_CLIENT_CAPABILITY,
          JsonRpc.UNSUPPORTED_VERSION ->
          400;
      default -> 200;
    };
  }
}
