package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Behind a proxy that terminates TLS (Azure Web App, an ingress), the request the server sees is
 * plain HTTP to an internal address, yet the URLs it publishes (resource, issuer, callback) must be
 * the public ones. With PBIMCP_TRUST_FORWARDED_HEADERS=true the scheme, host and port come from
 * X-Forwarded-Proto / X-Forwarded-Host / X-Forwarded-Port. Off by default: anyone can send those
 * headers, and only a proxy that overwrites them makes them trustworthy. PBIMCP_PUBLIC_URL wins.
 */
@Provider
@PreMatching
@Priority(100)
@Unproxied
public class ForwardedHeaders implements ContainerRequestFilter {
  private final boolean trusted;

  @Inject
  public ForwardedHeaders(
      @ConfigProperty(name = "pbimcp.trust-forwarded-headers", defaultValue = "false")
          boolean trusted) {
    this.trusted = trusted;
  }

  /** For RESTEasy and CDI. */
  public ForwardedHeaders() {
    this(false);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!trusted) {
      return;
    }
    String proto = first(request.getHeaderString("X-Forwarded-Proto"));
    String host = first(request.getHeaderString("X-Forwarded-Host"));
    String port = first(request.getHeaderString("X-Forwarded-Port"));
    if (proto == null && host == null) {
      return;
    }
    URI base = request.getUriInfo().getBaseUri();
    URI full = request.getUriInfo().getRequestUri();
    try {
      UriBuilder b = UriBuilder.fromUri(base);
      UriBuilder f = UriBuilder.fromUri(full);
      if (proto != null && (proto.equals("https") || proto.equals("http"))) {
        b.scheme(proto);
        f.scheme(proto);
      }
      if (host != null) {
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > 0 && host.indexOf(']') < colon;
        String name = hasPort ? host.substring(0, colon) : host;
        int p = hasPort ? Integer.parseInt(host.substring(colon + 1)) : -1;
        b.host(name).port(p);
        f.host(name).port(p);
      }
      if (port != null) {
        int p = Integer.parseInt(port);
        boolean defaultPort =
            (p == 443 && "https".equals(proto)) || (p == 80 && "http".equals(proto));
        b.port(defaultPort ? -1 : p);
        f.port(defaultPort ? -1 : p);
      }
      request.setRequestUri(b.build(), f.build());
    } catch (IllegalArgumentException e) {
      // A malformed forwarded header leaves the request as it arrived.
    }
  }

  private static String first(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim().toLowerCase(Locale.ROOT);
  }
}
