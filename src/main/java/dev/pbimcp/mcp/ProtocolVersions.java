package dev.pbimcp.mcp;

import java.util.List;

/**
 * The protocol revisions: those opened by {@code initialize} (the legacy, session-based era) and
 * the stateless one chosen per request by {@code _meta} (the modern era).
 */
public final class ProtocolVersions {
  public static final String MODERN = "2026-07-28";

  /** Every revision served, newest first: what {@code server/discover} and -32022 list. */
  public static final List<String> ALL =
      List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  public static final List<String> LEGACY =
      List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
  public static final String LATEST_LEGACY = "2025-11-25";

  /** What a request without an {@code MCP-Protocol-Version} header is assumed to speak. */
  public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

  private ProtocolVersions() {}

  /** The client's version when we support it, otherwise our newest (the client then decides). */
  public static String negotiate(String requested) {
    return LEGACY.contains(requested) ? requested : LATEST_LEGACY;
  }

  public static boolean supported(String version) {
    return LEGACY.contains(version);
  }

  /** Revisions are dates, so they order as strings. */
  public static boolean atLeast(String version, String minimum) {
    return version.compareTo(minimum) >= 0;
  }
}
