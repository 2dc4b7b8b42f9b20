package dev.pbimcp.http;

import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.mcp.Outbound;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.function.ToIntFunction;

/**
 * How one POSTed request's answer travels. It stays a plain JSON response unless the request emits
 * something first (progress, a log message, a question to the client) and the client accepts SSE;
 * then the response becomes a stream that carries those messages and, last, the answer. Either way
 * the request's own thread sends it ({@link #await}): a request that is answered on its own thread
 * costs a third less than one suspended and resumed from another.
 */
final class ResponseChannel implements Outbound, Workers.Answer {
  private enum State {
    PENDING,
    STREAMING,
    DONE
  }

  private final boolean sseAccepted;
  private final boolean prime;
  private final String sessionKey;
  private final EventStreams streams;
  private final long keepAliveMillis;
  private final Runnable onLost;
  private State state = State.PENDING;
  private Response ready;
  private ToIntFunction<JsonObject> status = r -> 200;
  private EventStream stream;

  ResponseChannel(
      boolean sseAccepted,
      boolean prime,
      String sessionKey,
      EventStreams streams,
      long keepAliveMillis,
      Runnable onLost) {
    this.sseAccepted = sseAccepted;
    this.prime = prime;
    this.sessionKey = sessionKey;
    this.streams = streams;
    this.keepAliveMillis = keepAliveMillis;
    this.onLost = onLost;
  }

  @Override
  public synchronized boolean send(JsonObject message) {
    if (state == State.DONE || (state == State.PENDING && !startStream())) {
      return false;
    }
    stream.append(message.toString(), false);
    return true;
  }

  @Override
  public synchronized void closeStream() {
    if (state == State.PENDING) {
      startStream();
    }
    if (stream != null) {
      stream.requestClose();
    }
  }

  /** Delivers the answer; null means the request was cancelled and gets none. */
  @Override
  public synchronized void complete(JsonObject response) {
    if (state == State.PENDING) {
      ready =
          response == null
              ? Response.accepted().build()
              : HttpErrors.json(status.applyAsInt(response), response);
      notifyAll();
    } else if (state == State.STREAMING) {
      if (response == null) {
        stream.finish();
      } else {
        stream.append(response.toString(), true);
      }
    }
    state = State.DONE;
  }

  /**
   * Called by the request's own thread once the work is under way: waits for the answer or the
   * start of a stream, and returns it for that thread to send. The request timeout always answers
   * first; {@code millis} only bounds the wait should the work be lost (the server stopping).
   */
  synchronized Response await(JsonValue id, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    try {
      for (long left = millis; ready == null && left > 0; ) {
        wait(left);
        left = (deadline - System.nanoTime()) / 1_000_000;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ready == null) {
      state = State.DONE;
      return HttpErrors.response(
          503, id, JsonRpc.SERVER_ERROR, "The server stopped before it could answer. Try again.");
    }
    return ready;
  }

  /** How a plain JSON answer's HTTP status is chosen (the 2026-07-28 era maps some errors). */
  ResponseChannel statusBy(ToIntFunction<JsonObject> rule) {
    this.status = rule;
    return this;
  }

  @Override
  public synchronized boolean done() {
    return state == State.DONE;
  }

  private boolean startStream() {
    if (!sseAccepted) {
      return false;
    }
    stream = streams.open(sessionKey);
    ready = SseWriter.response(new SseWriter(stream, 0, prime, keepAliveMillis, onLost));
    state = State.STREAMING;
    notifyAll();
    return true;
  }
}
