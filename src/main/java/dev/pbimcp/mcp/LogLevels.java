package dev.pbimcp.mcp;

import dev.pbimcp.registry.LogLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log level each session asked for with {@code logging/setLevel}. A session id cannot change
 * after {@code initialize}, so the level lives here, on the instance that received it; other
 * instances use the default until told.
 */
@ApplicationScoped
public class LogLevels {
  static final LogLevel DEFAULT = LogLevel.INFO;
  private static final int MAX_SESSIONS = 10_000;

  private final Map<String, LogLevel> levels =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LogLevel> eldest) {
              return size() > MAX_SESSIONS;
            }
          });

  public void set(Session session, LogLevel level) {
    levels.put(session.key(), level);
  }

  public LogLevel get(Session session) {
    return levels.getOrDefault(session.key(), DEFAULT);
  }

  public void forget(Session session) {
    levels.remove(session.key());
  }
}
