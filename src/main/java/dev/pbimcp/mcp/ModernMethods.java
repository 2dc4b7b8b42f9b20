package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The 2026-07-28 era: each request is served on its own, from what it carries. The same method
 * classes as the legacy era do the work; this class adds what the revision changed: {@code
 * server/discover}, {@code resultType} on every result, caching hints on lists and reads, {@code
 * input_required} results instead of requests to the client, and 404-worthy "method not found" for
 * the methods the revision removed.
 */
@Unproxied
public class ModernMethods {
  private final MethodTable methods;
  private final ClientRequests clientRequests;
  private final LogLevels logLevels;
  private final ModernGate gate;

  @Inject
  public ModernMethods(
      MethodTable methods, ClientRequests clientRequests, LogLevels logLevels, ModernGate gate) {
    this.methods = methods;
    this.clientRequests = clientRequests;
    this.logLevels = logLevels;
    this.gate = gate;
  }

  public Exchange exchange(Modern modern, JsonObject request, Outbound outbound) {
    return new Exchange(modern.session(), request, outbound, clientRequests, logLevels, modern)
        .mayAsk(methods.mayAsk(request.getString("method", "")));
  }

  /** Answers a request; null when it was cancelled (its stream closed). */
  public JsonObject handle(JsonObject request, Exchange exchange) {
    JsonValue id = request.get("id");
    MethodTable.Method method = null;
    try {
      method = methods.find(request.getString("method"), ProtocolVersions.MODERN);
      JsonObject result = method.handler().handle(JsonRpc.params(request), exchange);
      if (exchange.isCancelled()) {
        return null;
      }
      JsonObjectBuilder b = Jsonp.createObjectBuilder(result).add("resultType", "complete");
      if (method.cache() != MethodTable.Cache.NONE) {
        b.add("ttlMs", MethodTable.LIST_TTL_MS)
            .add("cacheScope", method.cache().name().toLowerCase(java.util.Locale.ROOT));
      }
      return JsonRpc.result(id, b.build());
    } catch (InputRequired r) {
      if (method == null || !method.mayAsk()) {
        return JsonRpc.error(
            id, JsonRpc.INTERNAL_ERROR, "This method cannot ask the client.", null);
      }
      return JsonRpc.result(
          id,
          Jsonp.createObjectBuilder()
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

  /** The status of a request the gate refused: its own where it has one, else 400. */
  public static int refusalStatus(JsonObject response) {
    int status = status(response);
    return status == 200 ? 400 : status;
  }
}
