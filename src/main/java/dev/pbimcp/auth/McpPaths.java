package dev.pbimcp.auth;

import java.util.List;

/**
 * The one list of MCP paths: {@code /mcp} (Streamable HTTP), {@code /sse} and {@code /messages}
 * (HTTP+SSE). Sign-in guards them, the Origin and Host checks guard them, and Liberty's MP JWT
 * filter in server.xml is held to the same list by a test.
 */
public final class McpPaths {
  /** The first path segment of every MCP endpoint. */
  public static final List<String> SEGMENTS = List.of("mcp", "sse", "messages");

  private McpPaths() {}

  /** Whether a request path (with or without its leading slash) is an MCP endpoint. */
  public static boolean covers(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return SEGMENTS.contains(slash >= 0 ? p.substring(0, slash) : p);
  }

  /** The {@code urlPattern} of server.xml's {@code authFilter}: a piped list for contains. */
  public static String authFilterPattern() {
    return String.join("|", SEGMENTS.stream().map(s -> "/" + s).toList());
  }
}
