package dev.pbimcp.mcp;

import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
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
  private volatile boolean cancelled;
  private volatile Thread worker;

  public Exchange(
      Session session,
      JsonObject request,
      Outbound outbound,
      ClientRequests clientRequests,
      LogLevels logLevels) {
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

  public JsonValue requestId() {
    return requestId;
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
        Json.createObjectBuilder().add("progressToken", progressToken).add("progress", progress);
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
    if (!level.atLeast(logLevels.get(session))) {
      return;
    }
    var p = Json.createObjectBuilder().add("level", level.wireName());
    if (logger != null) {
      p.add("logger", logger);
    }
    outbound.send(JsonRpc.notification("notifications/message", p.add("data", message).build()));
  }

  @Override
  public boolean clientSupports(String capability) {
    return session.clientSupports(capability);
  }

  @Override
  public JsonObject askClient(String method, JsonObject params, Duration timeout)
      throws InterruptedException {
    ClientRequests.Pending pending = clientRequests.open();
    try {
      if (!outbound.send(JsonRpc.request(pending.id(), method, params))) {
        throw new ToolException(
            "This connection cannot carry a question to the client: send the call with"
                + " 'Accept: text/event-stream' so the server can ask for "
                + method
                + ".");
      }
      JsonObject response = pending.response().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

  @Override
  public void closeResponseStream() {
    outbound.closeStream();
  }
}
