package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.telemetry.RequestId;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever escapes reaches the client as a JSON-RPC error with a reference, never a stack trace.
 */
@Provider
@Unproxied
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      Response r = w.getResponse();
      return r.hasEntity()
          ? r
          : HttpErrors.response(r.getStatus(), null, JsonRpc.SERVER_ERROR, statusText(r));
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, RequestId.tag("Unhandled error, reference " + reference), e);
    return HttpErrors.response(
        500, null, JsonRpc.INTERNAL_ERROR, "Internal error (reference " + reference + ").");
  }

  private static String statusText(Response r) {
    return r.getStatusInfo().getReasonPhrase();
  }
}
