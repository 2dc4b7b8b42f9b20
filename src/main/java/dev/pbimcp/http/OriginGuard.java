package dev.pbimcp.http;

import dev.pbimcp.auth.McpPaths;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.JsonRpc;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses browser requests from origins not on the allow-list (403), and, when the server listens
 * on loopback only, requests whose Host is not a loopback name: the two halves of DNS-rebinding
 * protection the specification asks for. Requests without Origin (non-browser clients) pass.
 */
@Provider
@Unproxied
public class OriginGuard implements ContainerRequestFilter {
  private final HttpSettings settings;

  @Inject
  public OriginGuard(HttpSettings settings) {
    this.settings = settings;
  }

  /** For RESTEasy and CDI. */
  public OriginGuard() {
    this(null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!McpPaths.covers(request.getUriInfo().getPath())) {
      return;
    }
    if (settings.loopbackOnly() && !HttpSettings.isLoopbackHost(host(request))) {
      request.abortWith(
          HttpErrors.response(
              403,
              null,
              JsonRpc.SERVER_ERROR,
              "Forbidden: this server only answers to localhost."));
      return;
    }
    String origin = request.getHeaderString("Origin");
    if (origin != null && !allowed(origin)) {
      request.abortWith(
          HttpErrors.response(
              403,
              null,
              JsonRpc.SERVER_ERROR,
              "Forbidden: origin " + origin + " is not allowed (PBIMCP_ALLOWED_ORIGINS)."));
    }
  }

  private boolean allowed(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (settings.allowedOrigins().contains(o) || settings.allowedOrigins().contains("*")) {
      return true;
    }
    try {
      String host = URI.create(o).getHost();
      // A page served from this machine may talk to a server that only this machine can reach.
      return settings.loopbackOnly() && host != null && HttpSettings.isLoopbackHost(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The Host header, or over HTTP/2 (no Host header) the request's authority. */
  private static String host(ContainerRequestContext request) {
    String header = request.getHeaderString("Host");
    if (header != null) {
      return hostName(header);
    }
    String h = request.getUriInfo().getRequestUri().getHost();
    return h == null ? "" : h;
  }

  static String hostName(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String h = hostHeader.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 ? h.substring(0, end + 1) : h;
    }
    int colon = h.indexOf(':');
    return colon >= 0 ? h.substring(0, colon) : h;
  }
}
