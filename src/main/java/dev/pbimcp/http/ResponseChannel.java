package dev.pbimcp.http;

import dev.pbimcp.mcp.Outbound;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How one POSTed request's answer travels. It stays a plain JSON response unless the request emits
 * something first (progress, a log message, a question to the client) and the client accepts SSE;
 * then the response becomes a stream that carries those messages and, last, the answer.
 */
final class ResponseChannel implements Outbound, Workers.Answer {
  /** How long the request's own thread waits for the answer before handing it off. */
  static final long QUICK_MILLIS = 100;

  private enum State {
    PENDING,
    STREAMING,
    DONE
  }

  private final AsyncResponse async;
  private final boolean sseAccepted;
  private final boolean prime;
  private final String sessionKey;
  private final EventStreams streams;
  private final Workers workers;
  private final long keepAliveMillis;
  private final Runnable onLost;
  private State state = State.PENDING;
  // Until the request's own thread hands the answer off (settle), an answer or a stream that
  // comes is given to that thread to return: most answers take a millisecond, and resuming the
  // request from another thread while its dispatch is still unwinding has lost answers.
  private boolean handedOff;
  private Response early;
  private java.util.function.ToIntFunction<JsonObject> status = r -> 200;
  private EventStream stream;

  ResponseChannel(
      AsyncResponse async,
      boolean sseAccepted,
      boolean prime,
      String sessionKey,
      EventStreams streams,
      Workers workers,
      long keepAliveMillis,
      Runnable onLost) {
    this.async = async;
    this.sseAccepted = sseAccepted;
    this.prime = prime;
    this.sessionKey = sessionKey;
    this.streams = streams;
    this.workers = workers;
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
      deliver(
          response == null
              ? Response.accepted().build()
              : Response.status(status.applyAsInt(response))
                  .type(MediaType.APPLICATION_JSON_TYPE)
                  .entity(response.toString())
                  .build());
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
   * Called once by the request's own thread after it started the work: waits up to {@code millis}
   * for the answer (or the start of a stream) and returns it for that thread to send; null when
   * none came in time, and the work then answers through {@code async} itself.
   */
  synchronized Response settle(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long left = millis;
    try {
      while (early == null && left > 0) {
        wait(left);
        left = (deadline - System.nanoTime()) / 1_000_000;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handedOff = true;
    Response r = early;
    early = null;
    return r;
  }

  private void deliver(Response r) {
    if (handedOff) {
      async.resume(r);
    } else {
      early = r;
      notifyAll();
    }
  }

  /** How a plain JSON answer's HTTP status is chosen (the 2026-07-28 era maps some errors). */
  ResponseChannel statusBy(java.util.function.ToIntFunction<JsonObject> rule) {
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
    EventStream opened = streams.open(sessionKey);
    Response r =
        SseWriter.response(
            workers.counted(new SseWriter(opened, 0, prime, keepAliveMillis, onLost)));
    // The writer blocks for the stream's life, so it must not run on the thread doing the work:
    // the request's own thread writes it if it still waits, else a writer thread. With every
    // stream taken the answer stays plain JSON: what it would have streamed is lost, the answer
    // is not.
    if (!handedOff) {
      early = r;
      notifyAll();
    } else if (!workers.write(() -> async.resume(r))) {
      streams.close(opened);
      return false;
    }
    stream = opened;
    state = State.STREAMING;
    return true;
  }
}
