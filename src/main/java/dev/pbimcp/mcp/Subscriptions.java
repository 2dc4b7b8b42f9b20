package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resource subscriptions, kept on the instance that received them and delivered on that instance's
 * session stream.
 */
@ApplicationScoped
public class Subscriptions {
  private static final int MAX_PER_SESSION = 1000;

  private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();
  private final SessionStreams streams;
  private final Listeners listeners;

  @Inject
  public Subscriptions(SessionStreams streams, Listeners listeners) {
    this.streams = streams;
    this.listeners = listeners;
  }

  /** For CDI's proxy. */
  protected Subscriptions() {
    this(null, null);
  }

  void subscribe(Session session, String uri) {
    Set<String> uris = bySession.computeIfAbsent(session.key(), k -> ConcurrentHashMap.newKeySet());
    if (uris.size() >= MAX_PER_SESSION) {
      throw McpError.invalidParams(
          "Too many subscriptions in this session (" + MAX_PER_SESSION + ").");
    }
    uris.add(uri);
  }

  void unsubscribe(Session session, String uri) {
    Set<String> uris = bySession.get(session.key());
    if (uris != null) {
      uris.remove(uri);
    }
  }

  public void forget(Session session) {
    bySession.remove(session.key());
  }

  /** Tells every subscribed session and listen stream that {@code uri} changed. */
  public void updated(String uri) {
    listeners.resourceUpdated(uri);
    var note =
        JsonRpc.notification(
            "notifications/resources/updated", Jsonp.createObjectBuilder().add("uri", uri).build());
    bySession.forEach(
        (sessionKey, uris) -> {
          if (uris.contains(uri)) {
            streams.send(sessionKey, note);
          }
        });
  }
}
