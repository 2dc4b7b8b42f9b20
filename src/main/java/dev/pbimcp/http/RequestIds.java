package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.telemetry.RequestId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request an id before anything else runs (the caller's {@code X-Request-Id} when it is
 * a plain token, else a new one), for this server's log lines and the errors the client sees, and
 * returns it in the answer's {@code X-Request-Id}.
 */
@Provider
@PreMatching
@Priority(0)
@Unproxied
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String PROPERTY = RequestIds.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    String id = RequestId.accept(request.getHeaderString(RequestId.HEADER));
    request.setProperty(PROPERTY, id);
    RequestId.set(id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof String id) {
      response.getHeaders().putSingle(RequestId.HEADER, id);
    }
  }
}
