package dev.pbimcp.http;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.Caller;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.Exchange;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.McpEngine;
import dev.pbimcp.mcp.Outbound;
import dev.pbimcp.mcp.Session;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The 2024-11-05 HTTP+SSE transport, for clients that predate Streamable HTTP: {@code GET /sse}
 * opens a stream whose first event ({@code endpoint}) names the URL to POST messages to; every
 * answer and notification then travels on that stream. The connection lives on this instance (the
 * transport is stateful by nature); the same engine serves it.
 */
@Path("")
@Unproxied
public class LegacySseEndpoint {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final McpEngine engine;
  private final EventStreams streams;
  private final Workers workers;
  private final HttpSettings settings;
  private final AuthSettings auth;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  /** One open /sse stream and the session negotiated on it. */
  private static final class Connection implements Outbound {
    final EventStream stream;
    final String owner;
    volatile Session session;

    Connection(EventStream stream, String owner) {
      this.stream = stream;
      this.owner = owner;
    }

    @Override
    public boolean send(JsonObject message) {
      stream.append(message.toString(), false);
      return true;
    }

    @Override
    public void closeStream() {}
  }

  /** The current request's, set once: a singleton, like {@link McpEndpoint}. */
  @Context private HttpHeaders requestHeaders;

  @Context private SecurityContext security;

  @Inject
  public LegacySseEndpoint(
      McpEngine engine,
      EventStreams streams,
      Workers workers,
      HttpSettings settings,
      AuthSettings auth) {
    this.auth = auth;
    this.engine = engine;
    this.streams = streams;
    this.workers = workers;
    this.settings = settings;
  }

  @GET
  @Path("sse")
  public void open(@Suspended AsyncResponse async) {
    String owner = Caller.ownerOf(auth.callerOf(security));
    workers.stream(
        async,
        () -> {
          byte[] random = new byte[18];
          RANDOM.nextBytes(random);
          String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
          EventStream stream = streams.open("sse:" + id);
          connections.put(id, new Connection(stream, owner));
          stream.append("endpoint", "/messages?sessionId=" + id, false);
          SseWriter writer = new SseWriter(stream, 0, false, settings.keepAliveMillis());
          return out -> {
            try {
              writer.write(out);
            } finally {
              connections.remove(id);
              streams.close(stream);
            }
          };
        });
  }

  @POST
  @Path("messages")
  public Response message(@QueryParam("sessionId") String id, InputStream body) throws IOException {
    if (id == null || id.isBlank()) {
      return HttpErrors.response(
          400, null, JsonRpc.SERVER_ERROR, "Bad Request: sessionId is required.");
    }
    Connection connection = connections.get(id);
    Caller caller = auth.callerOf(security);
    // Another user's stream is answered as unknown: a leaked sessionId opens nothing.
    if (connection == null || !connection.owner.equals(Caller.ownerOf(caller))) {
      return HttpErrors.response(
          404, null, JsonRpc.SESSION_NOT_FOUND, "Session not found: open a new /sse stream.");
    }
    JsonBodies.Body read =
        JsonBodies.message(DirectHeaders.of(requestHeaders), body, settings.maxBodyBytes());
    if (read.refusal() != null) {
      return read.refusal();
    }
    JsonValue message = read.message();
    JsonRpc.Kind kind = JsonRpc.kind(message);
    if (kind == JsonRpc.Kind.INVALID) {
      return HttpErrors.response(
          400, null, JsonRpc.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message.");
    }
    JsonObject m = message.asJsonObject();
    Session session = connection.session;
    boolean started =
        kind == JsonRpc.Kind.REQUEST
                && session != null
                && !"initialize".equals(m.getString("method"))
            ? request(connection, session, m, caller)
            : workers.submit(caller, () -> process(connection, kind, m));
    if (!started) {
      return HttpErrors.busy(m.get("id"), Workers.REQUESTS);
    }
    return Response.accepted().build();
  }

  /** A request on an open session: its answer, or the timeout's error, goes on the stream once. */
  private boolean request(Connection c, Session session, JsonObject m, Caller caller) {
    Exchange exchange = engine.exchange(session, m, c);
    AtomicBoolean answered = new AtomicBoolean();
    Workers.Answer answer =
        new Workers.Answer() {
          @Override
          public void complete(JsonObject response) {
            if (response != null && answered.compareAndSet(false, true)) {
              c.send(response);
            }
          }

          @Override
          public boolean done() {
            return answered.get();
          }
        };
    return workers.run(
        exchange,
        answer,
        m.get("id"),
        caller,
        Workers.Where.APART,
        () -> engine.handle(m, exchange));
  }

  /** Initialize, notifications and responses: quick, with nothing to answer on time. */
  private Void process(Connection c, JsonRpc.Kind kind, JsonObject m) {
    if (kind == JsonRpc.Kind.REQUEST && "initialize".equals(m.getString("method"))) {
      McpEngine.Opened opened = engine.initialize(m, c.owner);
      if (opened.session() != null) {
        c.session = opened.session();
        streams.attachSessionStream(opened.session().key(), c.stream);
      }
      c.send(opened.response());
      return null;
    }
    Session session = c.session;
    if (session == null) {
      if (kind == JsonRpc.Kind.REQUEST) {
        c.send(JsonRpc.error(m.get("id"), JsonRpc.INVALID_REQUEST, "Send initialize first.", null));
      }
    } else if (kind == JsonRpc.Kind.NOTIFICATION) {
      engine.notification(m, session);
    } else {
      engine.response(m);
    }
    return null;
  }
}
