package dev.pbimcp.http;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.Caller;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.McpEngine;
import dev.pbimcp.mcp.ProtocolVersions;
import dev.pbimcp.mcp.Session;
import dev.pbimcp.mcp.Subscriptions;
import dev.pbimcp.telemetry.RequestId;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The Streamable HTTP endpoint: one URL for POST (messages), GET (session stream) and DELETE. */
@Path("mcp")
@Unproxied
public class McpEndpoint {
  private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

  private final McpPosts posts;
  private final SessionGate gate;
  private final EventStreams streams;
  private final McpEngine engine;
  private final Subscriptions subscriptions;
  private final HttpSettings settings;
  private final Workers workers;
  private final AuthSettings auth;

  /**
   * The current request's, through the runtime's proxies, set once: {@link RestApplication}
   * registers this resource as a singleton, which a per-request {@code @Context} parameter would
   * undo (a new proxy for every parameter of every call).
   */
  @Context private HttpHeaders requestHeaders;

  @Context private SecurityContext security;

  @Inject
  public McpEndpoint(
      McpPosts posts,
      SessionGate gate,
      EventStreams streams,
      McpEngine engine,
      Subscriptions subscriptions,
      HttpSettings settings,
      Workers workers,
      AuthSettings auth) {
    this.workers = workers;
    this.auth = auth;
    this.posts = posts;
    this.gate = gate;
    this.streams = streams;
    this.engine = engine;
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  /** Every POST but subscriptions/listen, answered on the request's own thread. */
  @POST
  public Response post(InputStream body) {
    return answer(body, null);
  }

  /** 2026-07-28 subscriptions/listen, routed here by {@link ListenDoor}: its stream lasts. */
  @POST
  @Path(ListenDoor.PATH)
  public void listen(InputStream body, @Suspended AsyncResponse async) {
    Response now = answer(body, async);
    if (now != null) {
      async.resume(now);
    }
  }

  private Response answer(InputStream body, AsyncResponse async) {
    try {
      return posts.handle(body, headers(), auth.callerOf(security), async);
    } catch (WebApplicationException e) {
      return e.getResponse();
    } catch (IOException e) {
      return HttpErrors.response(
          400, null, JsonRpc.PARSE_ERROR, "The request body could not be read.");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, RequestId.tag("POST /mcp failed"), e);
      return HttpErrors.response(500, null, JsonRpc.INTERNAL_ERROR, "Internal error.");
    }
  }

  /**
   * Opens the session's stream, or, with {@code Last-Event-ID}, resumes a stream this instance
   * holds from the event after that id.
   */
  @GET
  public void get(@Suspended AsyncResponse async) {
    HttpHeaders headers = headers();
    if (modernOnly(headers)) {
      async.resume(notInModernEra());
      return;
    }
    if (!Accept.eventStream(headers)) {
      async.resume(
          HttpErrors.response(
              406,
              null,
              JsonRpc.SERVER_ERROR,
              "Not Acceptable: GET needs Accept: text/event-stream."));
      return;
    }
    Session session;
    try {
      session = gate.require(headers, owner());
    } catch (WebApplicationException e) {
      async.resume(e.getResponse());
      return;
    }
    String lastEventId = headers.getHeaderString("Last-Event-ID");
    var resumed = streams.find(lastEventId, session.key());
    if (resumed.isPresent()) {
      workers.stream(
          async,
          () ->
              new SseWriter(
                  resumed.get(),
                  EventStreams.sequenceOf(lastEventId),
                  true,
                  settings.keepAliveMillis()));
      return;
    }
    workers.stream(
        async,
        () -> {
          EventStream stream = streams.sessionStream(session.key());
          return new SseWriter(stream, stream.lastSeq(), true, settings.keepAliveMillis());
        });
  }

  @DELETE
  public Response delete() {
    HttpHeaders headers = headers();
    if (modernOnly(headers)) {
      return notInModernEra();
    }
    Session session = gate.require(headers, owner());
    gate.end(session);
    streams.end(session.key());
    subscriptions.forget(session);
    engine.ended(session);
    return Response.noContent().build();
  }

  /**
   * 2026-07-28 has no session stream and no sessions to end: a client of that revision gets 405,
   * whatever stray {@code Mcp-Session-Id} or {@code Last-Event-ID} it sends.
   */
  private boolean modernOnly(HttpHeaders headers) {
    String version = headers.getHeaderString(SessionGate.VERSION_HEADER);
    return settings.modernEra()
        && version != null
        && version.strip().equals(ProtocolVersions.MODERN);
  }

  private static Response notInModernEra() {
    return Response.fromResponse(
            HttpErrors.response(
                405,
                null,
                JsonRpc.METHOD_NOT_FOUND,
                "Protocol version "
                    + ProtocolVersions.MODERN
                    + " has no GET stream and no sessions: POST subscriptions/listen instead."))
        .header("Allow", "POST")
        .build();
  }

  /** This request's headers, read from its own map ({@link DirectHeaders}). */
  private HttpHeaders headers() {
    return DirectHeaders.of(requestHeaders);
  }

  private String owner() {
    return Caller.ownerOf(auth.callerOf(security));
  }
}
