package dev.pbimcp.http;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.Exchange;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.Listeners;
import dev.pbimcp.mcp.McpError;
import dev.pbimcp.mcp.Modern;
import dev.pbimcp.mcp.ModernGate;
import dev.pbimcp.mcp.ModernMethods;
import dev.pbimcp.mcp.Outbound;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A 2026-07-28 POST: admitted by its headers and {@code _meta}, served with no session, answered as
 * JSON or as a stream; a stream the client closes cancels the work. {@code subscriptions/listen}
 * keeps its stream open for list-change notifications.
 */
@Unproxied
public class ModernPosts {
  private static final java.util.concurrent.atomic.AtomicLong STREAMS =
      new java.util.concurrent.atomic.AtomicLong();
  private final ModernGate gate;
  private final ModernMethods methods;
  private final Listeners listeners;
  private final EventStreams streams;
  private final Workers workers;
  private final HttpSettings settings;

  @Inject
  public ModernPosts(
      ModernGate gate,
      ModernMethods methods,
      Listeners listeners,
      EventStreams streams,
      Workers workers,
      HttpSettings settings) {
    this.gate = gate;
    this.methods = methods;
    this.listeners = listeners;
    this.streams = streams;
    this.workers = workers;
    this.settings = settings;
  }

  /**
   * The answer to a message of {@code kind} (the caller's reading), sent by the request's own
   * thread; null for subscriptions/listen, whose stream goes through {@code async} (only the listen
   * door has one: {@link ListenDoor}).
   */
  Response handle(
      JsonObject message,
      JsonRpc.Kind kind,
      HttpHeaders headers,
      Caller caller,
      AsyncResponse async) {
    if (kind != JsonRpc.Kind.REQUEST) {
      // Notifications and stray responses have nothing to act on without a session.
      return Response.accepted().build();
    }
    JsonValue id = message.get("id");
    Modern modern;
    try {
      modern = gate.admit(message, headers::getHeaderString);
    } catch (McpError e) {
      JsonObject refusal = JsonRpc.error(id, e);
      return HttpErrors.json(ModernMethods.refusalStatus(refusal), refusal);
    }
    boolean sse = Accept.eventStream(headers);
    if (ListenDoor.LISTEN.equals(message.getString("method"))) {
      return listen(message, sse, async);
    }
    // Only a name for the stream (no session can hold it): a counter, not a SecureRandom per call.
    String key = "modern-" + STREAMS.incrementAndGet();
    Exchange[] holder = new Exchange[1];
    var channel =
        new ResponseChannel(
                sse, false, key, streams, settings.keepAliveMillis(), () -> holder[0].cancel())
            .statusBy(ModernMethods::status);
    Exchange exchange = methods.exchange(modern, message, channel);
    holder[0] = exchange;
    return workers.answer(
        exchange, channel, id, caller, sse, () -> methods.handle(message, exchange));
  }

  private Response listen(JsonObject message, boolean sse, AsyncResponse async) {
    if (!sse) {
      return HttpErrors.response(
          406,
          message.get("id"),
          JsonRpc.INVALID_REQUEST,
          "subscriptions/listen answers with a stream: send Accept: text/event-stream.");
    }
    if (async == null) { // not through the listen door: only a header that does not name it
      return HttpErrors.response(
          400,
          message.get("id"),
          JsonRpc.HEADER_MISMATCH,
          "The Mcp-Method header must equal the body's method (" + ListenDoor.LISTEN + ").");
    }
    workers.stream(
        async,
        () -> {
          EventStream stream = streams.open("listen-" + UUID.randomUUID());
          Outbound sink =
              new Outbound() {
                @Override
                public boolean send(JsonObject m) {
                  stream.append(m.toString(), false);
                  return true;
                }

                @Override
                public void closeStream() {
                  stream.requestClose();
                }
              };
          String subscription = listeners.listen(message.get("id"), JsonRpc.params(message), sink);
          return new SseWriter(
              stream,
              0,
              false,
              settings.keepAliveMillis(),
              () -> {
                listeners.close(subscription);
                streams.close(stream);
              });
        });
    return null;
  }
}
