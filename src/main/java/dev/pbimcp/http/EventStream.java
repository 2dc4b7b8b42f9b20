package dev.pbimcp.http;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ordered messages of one SSE stream, kept so that a client that lost the connection can resume
 * with {@code Last-Event-ID}. At most one writer is attached at a time; a newer one (a resumption)
 * or a server-side close detaches the current one.
 */
final class EventStream {
  private static final int MAX_KEPT = 1000;

  /** One message on the stream; {@code last} marks the response that completes the request. */
  record Event(long seq, String name, String data, boolean last) {}

  /** What a writer should do next. */
  sealed interface Next permits Deliver, Finished, Detached, Idle {}

  record Deliver(Event event) implements Next {}

  record Finished() implements Next {}

  record Detached() implements Next {}

  record Idle() implements Next {}

  private final String id;
  private final String sessionKey;
  private final Deque<Event> events = new ArrayDeque<>();
  private long lastSeq;
  private boolean finished;
  private boolean closeRequested;
  private int generation;
  private long finishedAt;

  EventStream(String id, String sessionKey) {
    this.id = id;
    this.sessionKey = sessionKey;
  }

  String id() {
    return id;
  }

  String sessionKey() {
    return sessionKey;
  }

  synchronized void append(String data, boolean last) {
    append("message", data, last);
  }

  /** Appends an event with its own SSE event name (the legacy transport's {@code endpoint}). */
  synchronized void append(String name, String data, boolean last) {
    if (finished) {
      return;
    }
    events.addLast(new Event(++lastSeq, name, data, last));
    if (events.size() > MAX_KEPT) {
      events.removeFirst();
    }
    if (last) {
      finish();
    }
    notifyAll();
  }

  /** No more messages will come (the request completed or was cancelled). */
  synchronized void finish() {
    if (!finished) {
      finished = true;
      finishedAt = System.nanoTime();
    }
    notifyAll();
  }

  /** Ends the attached writer's response (or the next writer's, if none is attached yet). */
  synchronized void requestClose() {
    closeRequested = true;
    notifyAll();
  }

  /** Attaches a new writer, detaching any other; returns the writer's generation. */
  synchronized int attach() {
    generation++;
    notifyAll();
    return generation;
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  /** Waits up to {@code waitMillis} for what comes after {@code afterSeq}. */
  synchronized Next next(long afterSeq, int writerGeneration, long waitMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      if (writerGeneration != generation) {
        return new Detached();
      }
      if (closeRequested) {
        closeRequested = false;
        return new Detached();
      }
      for (Event e : events) {
        if (e.seq() > afterSeq) {
          return new Deliver(e);
        }
      }
      if (finished) {
        return new Finished();
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return new Idle();
      }
      wait(left);
    }
  }

  /** True when the stream finished more than {@code nanos} ago and can be forgotten. */
  synchronized boolean expired(long now, long nanos) {
    return finished && now - finishedAt > nanos;
  }
}
