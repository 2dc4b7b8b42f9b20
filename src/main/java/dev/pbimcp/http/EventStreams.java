package dev.pbimcp.http;

import dev.pbimcp.mcp.SessionStreams;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SSE streams this instance holds: one per streamed POST (kept a while after it ends, for
 * resumption) and one session-wide GET stream per session.
 */
@ApplicationScoped
public class EventStreams implements SessionStreams {
  private static final long KEEP_FINISHED_NANOS = TimeUnit.MINUTES.toNanos(2);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, EventStream> streams = new ConcurrentHashMap<>();
  private final Map<String, EventStream> sessionStreams = new ConcurrentHashMap<>();

  EventStream open(String sessionKey) {
    purge();
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    EventStream s = new EventStream(id, sessionKey);
    streams.put(id, s);
    return s;
  }

  /** The session-wide stream, created on first use. */
  EventStream sessionStream(String sessionKey) {
    return sessionStreams.computeIfAbsent(sessionKey, this::open);
  }

  /** Makes a legacy HTTP+SSE connection's stream the session's stream (for resource updates). */
  void attachSessionStream(String sessionKey, EventStream stream) {
    sessionStreams.put(sessionKey, stream);
  }

  /**
   * Ends every stream (the application is stopping): each writer sends what it holds, then ends.
   */
  void finishAll() {
    streams.values().forEach(EventStream::finish);
    sessionStreams.values().forEach(EventStream::finish);
  }

  /** Forgets a stream whose client went away. */
  void close(EventStream stream) {
    stream.finish();
    sessionStreams.values().removeIf(s -> s == stream);
  }

  /** The stream an event id belongs to, if this instance holds it for that session. */
  Optional<EventStream> find(String eventId, String sessionKey) {
    int sep = eventId == null ? -1 : eventId.lastIndexOf('_');
    if (sep <= 0) {
      return Optional.empty();
    }
    EventStream s = streams.get(eventId.substring(0, sep));
    return s != null && s.sessionKey().equals(sessionKey) ? Optional.of(s) : Optional.empty();
  }

  static long sequenceOf(String eventId) {
    try {
      return Long.parseLong(eventId.substring(eventId.lastIndexOf('_') + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Ends everything held for a session the client closed. */
  void end(String sessionKey) {
    EventStream s = sessionStreams.remove(sessionKey);
    if (s != null) {
      s.finish();
    }
    streams.values().removeIf(x -> x.sessionKey().equals(sessionKey) && x != s && finishAll(x));
  }

  /** Ends every stream when the application stops. */
  @PreDestroy
  void shutdown() {
    streams.values().forEach(EventStream::finish);
    sessionStreams.values().forEach(EventStream::finish);
  }

  @Override
  public void send(String sessionKey, JsonObject message) {
    EventStream s = sessionStreams.get(sessionKey);
    if (s != null) {
      s.append(message.toString(), false);
    }
  }

  private static boolean finishAll(EventStream s) {
    s.finish();
    return true;
  }

  private void purge() {
    long now = System.nanoTime();
    streams.values().removeIf(s -> s.expired(now, KEEP_FINISHED_NANOS));
  }
}
