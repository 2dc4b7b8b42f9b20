package dev.pbimcp.http;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.mcp.Exchange;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.McpEngine;
import dev.pbimcp.mcp.ModernGate;
import dev.pbimcp.mcp.Outbound;
import dev.pbimcp.mcp.ProtocolVersions;
import dev.pbimcp.mcp.Session;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** One POST to {@code /mcp}: parse, check, and answer with 202, JSON or a stream. */
@Unproxied
public class McpPosts {
  private final McpEngine engine;
  private final SessionGate gate;
  private final EventStreams streams;
  private final Workers workers;
  private final HttpSettings settings;
  private final ModernPosts modern;

  @Inject
  public McpPosts(
      McpEngine engine,
      SessionGate gate,
      EventStreams streams,
      Workers workers,
      HttpSettings settings,
      ModernPosts modern) {
    this.modern = modern;
    this.engine = engine;
    this.gate = gate;
    this.streams = streams;
    this.workers = workers;
    this.settings = settings;
  }

  /**
   * The answer to one POST, sent by the request's own thread; null only for a 2026-07-28
   * subscriptions/listen, whose stream goes through {@code async} (the listen door's alone).
   */
  Response handle(InputStream body, HttpHeaders headers, Caller caller, AsyncResponse async)
      throws IOException {
    JsonBodies.Body read = JsonBodies.message(headers, body, settings.maxBodyBytes());
    if (read.refusal() != null) {
      return read.refusal();
    }
    JsonValue message = read.message();
    if (message instanceof JsonArray batch) {
      return CallerContext.as(caller, () -> batch(batch, headers, Caller.ownerOf(caller)));
    }
    JsonRpc.Kind kind = JsonRpc.kind(message); // once: each look reads the message's members again
    if (settings.modernEra()
        && message instanceof JsonObject o
        && kind != JsonRpc.Kind.INVALID
        && o.containsKey("method")
        && ModernGate.isModern(o, headers.getHeaderString(SessionGate.VERSION_HEADER))) {
      return modern.handle(o, kind, headers, caller, async);
    }
    JsonValue id =
        message instanceof JsonObject o && JsonRpc.validId(o.get("id")) ? o.get("id") : null;
    switch (kind) {
      case INVALID:
        return HttpErrors.response(
            400, id, JsonRpc.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message.");
      case REQUEST:
        if ("initialize".equals(message.asJsonObject().getString("method"))) {
          return initialize(message.asJsonObject(), Caller.ownerOf(caller));
        }
        Session session = gate.require(headers, Caller.ownerOf(caller));
        return dispatch(message.asJsonObject(), session, Accept.eventStream(headers), caller);
      default:
        accept(message.asJsonObject(), kind, gate.require(headers, Caller.ownerOf(caller)));
        return Response.accepted().build();
    }
  }

  private Response initialize(JsonObject request, String owner) {
    McpEngine.Opened opened = engine.initialize(request, owner);
    Response r = HttpErrors.json(200, opened.response());
    return opened.session() == null
        ? r
        : Response.fromResponse(r)
            .header(SessionGate.SESSION_HEADER, opened.session().id())
            .build();
  }

  /** Notifications and responses from the client: nothing to answer but 202. */
  private void accept(JsonObject message, JsonRpc.Kind kind, Session session) {
    if (kind == JsonRpc.Kind.NOTIFICATION) {
      engine.notification(message, session);
    } else {
      engine.response(message);
    }
  }

  /** The answer, sent by the request's own thread: JSON, a stream, or a refusal. */
  private Response dispatch(JsonObject request, Session session, boolean sse, Caller caller) {
    boolean prime = ProtocolVersions.atLeast(session.protocolVersion(), "2025-11-25");
    var channel =
        new ResponseChannel(sse, prime, session.key(), streams, settings.keepAliveMillis(), null);
    Exchange exchange = engine.exchange(session, request, channel);
    return workers.answer(
        exchange, channel, request.get("id"), caller, sse, () -> engine.handle(request, exchange));
  }

  /** JSON-RPC batches exist only in 2025-03-26; each request is answered in order, as JSON. */
  private Response batch(JsonArray batch, HttpHeaders headers, String owner) {
    if (batch.isEmpty()) {
      return HttpErrors.response(
          400, null, JsonRpc.INVALID_REQUEST, "Invalid Request: empty batch.");
    }
    Session session = gate.require(headers, owner);
    if (!"2025-03-26".equals(session.protocolVersion())) {
      return HttpErrors.response(
          400,
          null,
          JsonRpc.INVALID_REQUEST,
          "Invalid Request: JSON-RPC batches are not allowed in protocol version "
              + session.protocolVersion()
              + ".");
    }
    var responses = Jsonp.createArrayBuilder();
    int answered = 0;
    for (JsonValue item : batch) {
      JsonRpc.Kind kind = JsonRpc.kind(item);
      if (kind == JsonRpc.Kind.INVALID
          || (kind == JsonRpc.Kind.REQUEST
              && "initialize".equals(item.asJsonObject().getString("method")))) {
        responses.add(
            JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request in batch.", null));
        answered++;
      } else if (kind == JsonRpc.Kind.REQUEST) {
        JsonObject request = item.asJsonObject();
        JsonObject response = engine.handle(request, engine.exchange(session, request, NO_STREAM));
        if (response != null) {
          responses.add(response);
          answered++;
        }
      } else {
        accept(item.asJsonObject(), kind, session);
      }
    }
    return answered == 0 ? Response.accepted().build() : HttpErrors.json(200, responses.build());
  }

  private static final Outbound NO_STREAM =
      new Outbound() {
        @Override
        public boolean send(JsonObject message) {
          return false;
        }

        @Override
        public void closeStream() {}
      };
}
