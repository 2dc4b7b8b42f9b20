package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Sends a POST to {@code /mcp} that opens a stream for hours (2026-07-28 {@code
 * subscriptions/listen}, which names itself in its {@code Mcp-Method} header) through the
 * asynchronous door, {@link McpEndpoint#listen}. Every other POST is answered on its request's own
 * thread, which costs a third less than a suspended request; but a stream that lives for hours must
 * not hold a request thread, since an application stop waits for those.
 */
@Provider
@PreMatching
@Priority(2)
@Unproxied
public class ListenDoor implements ContainerRequestFilter {
  static final String LISTEN = "subscriptions/listen";

  /** Where the asynchronous door is, below {@code /mcp}. */
  static final String PATH = "listen";

  @Override
  public void filter(ContainerRequestContext request) {
    // The header first: it is absent from almost every POST, and the path costs RESTEasy a parse.
    if (LISTEN.equals(strip(request.getHeaderString("Mcp-Method")))
        && "POST".equals(request.getMethod())
        && isMcp(request.getUriInfo().getPath())) {
      request.setRequestUri(request.getUriInfo().getBaseUri().resolve("mcp/" + PATH));
    }
  }

  private static boolean isMcp(String path) {
    return "mcp".equals(path) || "/mcp".equals(path) || "/mcp/".equals(path);
  }

  private static String strip(String header) {
    return header == null ? null : header.strip();
  }
}
