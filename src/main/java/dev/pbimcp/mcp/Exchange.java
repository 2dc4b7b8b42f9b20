package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request in flight: who asked, where its interim messages go, and whether it was cancelled.
 * Handed to tools as their {@link ToolContext}.
 */
public final class Exchange implements ToolContext {
  private final Session session;
  private final JsonValue requestId;
  private final JsonValue progressToken;
  private final Outbound outbound;
  private final ClientRequests clientRequests;
  private final LogLevels logLevels;
  private final Modern modern;
  private int asked;
  private boolean mayAsk;
  private volatile boolean cancelled;
  private volatile Thread worker;

  public Exchange(
      Session session,
      JsonObject request,
      Outbound outbound,
      ClientRequests clientRequests,
      LogLevels logLevels) {
    this(session, request, outbound, clientRequests, logLevels, null);
  }

  /** A 2026-07-28 request: its client context comes with it, questions become input_required. */
  public Exchange(
      Session session,
      JsonObject request,
      Outbound outbound,
      ClientRequests clientRequests,
      LogLevels logLevels,
      Modern modern) {
    this.modern = modern;
    this.session = session;
    this.requestId = request.get("id");
    JsonValue meta = JsonRpc.params(request).get("_meta");
    this.progressToken =
        meta instanceof JsonObject m && JsonRpc.validId(m.get("progressToken"))
            ? m.get("progressToken")
            : null;
    this.outbound = outbound;
    this.clientRequests = clientRequests;
    this.logLevels = logLevels;
  }

  public Session session() {
    return session;
  }

  /** The 2026-07-28 context, or null for a request within a legacy session. */
  Modern modern() {
    return modern;
  }

  public JsonValue requestId() {
    return requestId;
  }

  /**
   * Whether what this request says while it runs must reach the client before its answer: its
   * progress (it sent a progress token), or, within a session, a question from a method that may
   * ask one of a client able to answer. Anything else it says may follow, with the answer. In the
   * 2026-07-28 era a question ends the run as input_required, so only progress counts.
   */
  public boolean talksWhileRunning() {
    return progressToken != null || (modern == null && mayAsk && session.canBeAsked());
  }

  /** Records whether this request's method may put a question to the client. */
  Exchange mayAsk(boolean mayAsk) {
    this.mayAsk = mayAsk;
    return this;
  }

  /** Marks the request cancelled and interrupts the thread running it. */
  public void cancel() {
    cancelled = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Records the thread running this request, so that cancellation can interrupt it. */
  public void runningOn(Thread thread) {
    this.worker = thread;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void progress(double progress, Double total, String message) {
    if (progressToken == null || cancelled) {
      return;
    }
    var p =
        Jsonp.createObjectBuilder().add("progressToken", progressToken).add("progress", progress);
    if (total != null) {
      p.add("total", total);
    }
    if (message != null) {
      p.add("message", message);
    }
    outbound.send(JsonRpc.notification("notifications/progress", p.build()));
  }

  @Override
  public void log(LogLevel level, String logger, String message) {
    // A modern request gets log messages only when its _meta asked for a level.
    LogLevel threshold = modern != null ? modern.logLevel().orElse(null) : logLevels.get(session);
    if (threshold == null || !level.atLeast(threshold)) {
      return;
    }
    var p = Jsonp.createObjectBuilder().add("level", level.wireName());
    if (logger != null) {
      p.add("logger", logger);
    }
    outbound.send(JsonRpc.notification("notifications/message", p.add("data", message).build()));
  }

  @Override
  public String protocolVersion() {
    return modern != null ? ProtocolVersions.MODERN : session.protocolVersion();
  }

  @Override
  public boolean clientSupports(String capability) {
    return modern != null
        ? modern.clientCapabilities().containsKey(capability)
        : session.clientSupports(capability);
  }

  @Override
  public JsonObject askClient(String method, JsonObject params, Duration timeout)
      throws InterruptedException {
    if (modern != null) {
      String key = method.substring(0, method.indexOf('/') + 1).replace("/", "") + "-" + ++asked;
      return askClient(Map.of(key, new ClientAsk(method, params)), timeout).get(key);
    }
    ClientRequests.Pending pending = clientRequests.open();
    try {
      if (!outbound.send(JsonRpc.request(pending.id(), method, params))) {
        throw new ToolException(
            "This connection cannot carry a question to the client: send the call with"
                + " 'Accept: text/event-stream' so the server can ask for "
                + method
                + ".");
      }
      JsonObject response =
          pending.response().get(clientRequests.bound(timeout).toMillis(), TimeUnit.MILLISECONDS);
      if (response.containsKey("error")) {
        JsonObject error = response.getJsonObject("error");
        throw new ToolException(
            "The client refused " + method + ": " + error.getString("message", "no reason given"));
      }
      return response.getJsonObject("result");
    } catch (TimeoutException e) {
      throw new ToolException(
          "The client did not answer " + method + " within " + timeout.toSeconds() + " s.");
    } catch (ExecutionException e) {
      throw new ToolException("The client's answer to " + method + " could not be read.");
    } finally {
      clientRequests.close(pending);
    }
  }

  /**
   * In the 2026-07-28 era the answers come with the request (a retry after {@code input_required});
   * what is still unanswered ends this run with an {@link InputRequired}.
   */
  @Override
  public Map<String, JsonObject> askClient(Map<String, ClientAsk> asks, Duration timeout)
      throws InterruptedException {
    if (modern == null) {
      return ToolContext.super.askClient(asks, timeout);
    }
    Map<String, JsonObject> answers = new LinkedHashMap<>();
    var missing = Jsonp.createObjectBuilder();
    boolean complete = true;
    for (var e : asks.entrySet()) {
      String capability = capabilityFor(e.getValue().method());
      if (!modern.clientCapabilities().containsKey(capability)) {
        throw new McpError(
            JsonRpc.MISSING_CLIENT_CAPABILITY,
            "This needs the client capability '"
                + capability
                + "', which the request did not declare.",
            Jsonp.createObjectBuilder()
                .add(
                    "requiredCapabilities",
                    Jsonp.createObjectBuilder().add(capability, JsonValue.EMPTY_JSON_OBJECT))
                .build());
      }
      if (modern.answers().get(e.getKey()) instanceof JsonObject answer) {
        answers.put(e.getKey(), answer);
      } else {
        complete = false;
        missing.add(
            e.getKey(),
            Jsonp.createObjectBuilder()
                .add("method", e.getValue().method())
                .add("params", e.getValue().params()));
      }
    }
    if (!complete) {
      throw new InputRequired(missing.build());
    }
    return answers;
  }

  private static String capabilityFor(String method) {
    return switch (method) {
      case "sampling/createMessage" -> "sampling";
      case "elicitation/create" -> "elicitation";
      case "roots/list" -> "roots";
      default -> method;
    };
  }

  @Override
  public void closeResponseStream() {
    outbound.closeStream();
  }
}
