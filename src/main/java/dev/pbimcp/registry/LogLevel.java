package dev.pbimcp.registry;

import java.util.Locale;
import java.util.Optional;

/** The syslog severities MCP uses for {@code notifications/message}, least severe first. */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(LogLevel threshold) {
    return ordinal() >= threshold.ordinal();
  }

  public static Optional<LogLevel> parse(String value) {
    for (LogLevel level : values()) {
      if (level.wireName().equals(value)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
