package dev.pbimcp.mcp;

import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches JSON-RPC messages to the MCP methods. Transport-neutral: the HTTP layer decides how
 * the answer travels; this class decides what it says.
 */
@ApplicationScoped
public class McpEngine {
  private static final Logger LOG = Logger.getLogger(McpEngine.class.getName());
  private static final Set<String> KEPT_CAPABILITIES = Set.of("sampling", "elicitation", "roots");
  static final String INSTRUCTIONS =
      "Answers questions about Microsoft Power BI: workspaces, semantic models, their schemas and"
          + " DAX query results. Start with get_powerbi_status.";

  private final SessionCodec sessions;
  private final ToolMethods tools;
  private final ResourceMethods resources;
  private final PromptMethods prompts;
  private final CompletionMethods completions;
  private final LogLevels logLevels;
  private final InFlight inFlight;
  private final ClientRequests clientRequests;
  private final Registry registry;
  private final ServerInfo info;

  @Inject
  public McpEngine(
      SessionCodec sessions,
      ToolMethods tools,
      ResourceMethods resources,
      PromptMethods prompts,
      CompletionMethods completions,
      LogLevels logLevels,
      InFlight inFlight,
      ClientRequests clientRequests,
      Registry registry,
      ServerInfo info) {
    this.sessions = sessions;
    this.tools = tools;
    this.resources = resources;
    this.prompts = prompts;
    this.completions = completions;
    this.logLevels = logLevels;
    this.inFlight = inFlight;
    this.clientRequests = clientRequests;
    this.registry = registry;
    this.info = info;
  }

  /** For CDI's proxy. */
  protected McpEngine() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  /** The answer to {@code initialize} and the session it opens. */
  public record Opened(JsonObject response, Session session) {}

  /** Opens a session for {@code owner}, the signed-in user's opaque name (empty without one). */
  public Opened initialize(JsonObject request, String owner) {
    JsonObject params = JsonRpc.params(request);
    if (!(params.get("protocolVersion") instanceof JsonString requested)) {
      return new Opened(
          JsonRpc.error(
              request.get("id"),
              JsonRpc.INVALID_PARAMS,
              "initialize needs params.protocolVersion",
              null),
          null);
    }
    String version = ProtocolVersions.negotiate(requested.getString());
    JsonObject clientInfo =
        params.get("clientInfo") instanceof JsonObject ci ? ci : JsonValue.EMPTY_JSON_OBJECT;
    Session session =
        sessions.issue(version, keptCapabilities(params), clientInfo.getString("name", ""), owner);
    JsonObject result =
        Json.createObjectBuilder()
            .add("protocolVersion", version)
            .add("capabilities", capabilities(version))
            .add(
                "serverInfo",
                Json.createObjectBuilder()
                    .add("name", ServerInfo.NAME)
                    .add("title", ServerInfo.TITLE)
                    .add("version", info.version()))
            .add("instructions", INSTRUCTIONS)
            .build();
    return new Opened(JsonRpc.result(request.get("id"), result), session);
  }

  /** A new exchange for a request within a session. */
  public Exchange exchange(Session session, JsonObject request, Outbound outbound) {
    return new Exchange(session, request, outbound, clientRequests, logLevels);
  }

  /**
   * Answers a request. Returns null when the request was cancelled: a cancelled request gets no
   * response.
   */
  public JsonObject handle(JsonObject request, Exchange exchange) {
    JsonValue id = request.get("id");
    inFlight.started(exchange);
    try {
      JsonObject result = dispatch(request.getString("method"), JsonRpc.params(request), exchange);
      return exchange.isCancelled() ? null : JsonRpc.result(id, result);
    } catch (McpError e) {
      return JsonRpc.error(id, e);
    } catch (Exception e) {
      return failed(id, e, exchange);
    } finally {
      inFlight.finished(exchange);
    }
  }

  /**
   * The answer to work that ended by an exception other than a protocol error: none when the client
   * cancelled it, otherwise an internal error with a reference to the logged cause.
   */
  static JsonObject failed(JsonValue id, Exception e, Exchange exchange) {
    if (e instanceof InterruptedException) {
      Thread.interrupted();
      return exchange.isCancelled()
          ? null
          : JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "The request was interrupted.", null);
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Request failed, reference " + reference, e);
    return JsonRpc.error(
        id, JsonRpc.INTERNAL_ERROR, "Internal error (reference " + reference + ").", null);
  }

  /** Handles a notification from the client. */
  public void notification(JsonObject message, Session session) {
    if ("notifications/cancelled".equals(message.getString("method"))) {
      JsonValue requestId = JsonRpc.params(message).get("requestId");
      if (JsonRpc.validId(requestId)) {
        inFlight.cancel(session, requestId);
      }
    }
  }

  /** Routes the client's answer to a request this server sent; false if nobody here waits. */
  public boolean response(JsonObject message) {
    return clientRequests.complete(message);
  }

  /** Forgets what this instance holds for a session the client ended. */
  public void ended(Session session) {
    logLevels.forget(session);
  }

  private JsonObject dispatch(String method, JsonObject params, Exchange exchange)
      throws Exception {
    return switch (method) {
      case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
      case "logging/setLevel" -> setLevel(params, exchange.session());
      case "tools/list" -> tools.list(params);
      case "tools/call" -> tools.call(params, exchange);
      case "resources/list" -> resources.list(params);
      case "resources/templates/list" -> resources.templates(params);
      case "resources/read" -> resources.read(params);
      case "resources/subscribe" -> resources.subscribe(params, exchange.session());
      case "resources/unsubscribe" -> resources.unsubscribe(params, exchange.session());
      case "prompts/list" -> prompts.list(params);
      case "prompts/get" -> prompts.get(params, exchange);
      case "completion/complete" -> completions.complete(params);
      case "initialize" ->
          throw new McpError(JsonRpc.INVALID_REQUEST, "This session is already initialized.");
      default -> throw new McpError(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
    };
  }

  private JsonObject setLevel(JsonObject params, Session session) {
    LogLevel level =
        LogLevel.parse(params.getString("level", ""))
            .orElseThrow(
                () ->
                    McpError.invalidParams(
                        "params.level must be one of debug, info, notice, warning, error,"
                            + " critical, alert, emergency."));
    logLevels.set(session, level);
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private JsonObject capabilities(String version) {
    JsonObjectBuilder caps =
        Json.createObjectBuilder()
            .add("tools", Json.createObjectBuilder().add("listChanged", true))
            .add("logging", JsonValue.EMPTY_JSON_OBJECT);
    if (registry.hasResources()) {
      caps.add(
          "resources", Json.createObjectBuilder().add("subscribe", true).add("listChanged", true));
    }
    if (registry.hasPrompts()) {
      caps.add("prompts", Json.createObjectBuilder().add("listChanged", true));
    }
    if (ProtocolVersions.atLeast(version, "2025-03-26")) {
      caps.add("completions", JsonValue.EMPTY_JSON_OBJECT);
    }
    return caps.build();
  }

  private static JsonObject keptCapabilities(JsonObject params) {
    JsonObject caps =
        params.get("capabilities") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
    JsonObjectBuilder kept = Json.createObjectBuilder();
    for (String name : KEPT_CAPABILITIES) {
      if (caps.get(name) instanceof JsonObject value && value.toString().length() < 512) {
        kept.add(name, value);
      } else if (caps.containsKey(name)) {
        kept.add(name, JsonValue.EMPTY_JSON_OBJECT);
      }
    }
    return kept.build();
  }
}
