package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.telemetry.RequestId;
import dev.pbimcp.telemetry.Telemetry;
import jakarta.inject.Inject;
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
@Unproxied
public class McpEngine {
  private static final Logger LOG = Logger.getLogger(McpEngine.class.getName());
  private static final Set<String> KEPT_CAPABILITIES = Set.of("sampling", "elicitation", "roots");
  static final String INSTRUCTIONS =
      "Answers questions about Microsoft Power BI: workspaces, semantic models, their schemas and"
          + " DAX query results. Start with get_powerbi_status.";

  private final SessionCodec sessions;
  private final MethodTable methods;
  private final LogLevels logLevels;
  private final InFlight inFlight;
  private final ClientRequests clientRequests;

  private final Telemetry telemetry;

  @Inject
  public McpEngine(
      SessionCodec sessions,
      MethodTable methods,
      LogLevels logLevels,
      InFlight inFlight,
      ClientRequests clientRequests,
      Telemetry telemetry) {
    this.telemetry = telemetry;
    this.sessions = sessions;
    this.methods = methods;
    this.logLevels = logLevels;
    this.inFlight = inFlight;
    this.clientRequests = clientRequests;
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
    telemetry.sessionStarted();
    JsonObject clientInfo =
        params.get("clientInfo") instanceof JsonObject ci ? ci : JsonValue.EMPTY_JSON_OBJECT;
    Session session =
        sessions.issue(version, keptCapabilities(params), clientInfo.getString("name", ""), owner);
    JsonObject result =
        Jsonp.createObjectBuilder()
            .add("protocolVersion", version)
            .add("capabilities", methods.capabilities(version))
            .add("serverInfo", methods.serverInfo())
            .add("instructions", INSTRUCTIONS)
            .build();
    return new Opened(JsonRpc.result(request.get("id"), result), session);
  }

  /** A new exchange for a request within a session. */
  public Exchange exchange(Session session, JsonObject request, Outbound outbound) {
    return new Exchange(session, request, outbound, clientRequests, logLevels)
        .mayAsk(methods.mayAsk(request.getString("method", "")));
  }

  /**
   * Answers a request. Returns null when the request was cancelled: a cancelled request gets no
   * response.
   */
  public JsonObject handle(JsonObject request, Exchange exchange) {
    JsonValue id = request.get("id");
    inFlight.started(exchange);
    try {
      JsonObject result =
          methods
              .find(request.getString("method"), exchange.session().protocolVersion())
              .handler()
              .handle(JsonRpc.params(request), exchange);
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
    LOG.log(Level.SEVERE, RequestId.tag("Request failed, reference " + reference), e);
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

  private static JsonObject keptCapabilities(JsonObject params) {
    JsonObject caps =
        params.get("capabilities") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
    JsonObjectBuilder kept = Jsonp.createObjectBuilder();
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
