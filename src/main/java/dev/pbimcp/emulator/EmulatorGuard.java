package dev.pbimcp.emulator;

import dev.pbimcp.cdi.Unproxied;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;

/**
 * In front of every emulator path: absent (404) unless the server uses the emulator; the API needs
 * a bearer token, like the service; injected faults are applied here.
 */
@Provider
@Unproxied
public class EmulatorGuard implements ContainerRequestFilter {
  private final Emulator emulator;
  private final Faults faults;
  private final TokenLog tokens;

  @Inject
  public EmulatorGuard(Emulator emulator, Faults faults, TokenLog tokens) {
    this.emulator = emulator;
    this.faults = faults;
    this.tokens = tokens;
  }

  /** For RESTEasy and CDI. */
  public EmulatorGuard() {
    this(null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String raw = request.getUriInfo().getPath();
    String path = raw.startsWith("/") ? raw.substring(1) : raw;
    if (!path.startsWith("emulator/")) {
      return;
    }
    if (!emulator.enabled()) {
      request.abortWith(Response.status(404).build());
      return;
    }
    if (!path.startsWith("emulator/v1.0/")) {
      return;
    }
    String auth = request.getHeaderString("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 8) {
      request.abortWith(
          Response.status(401)
              .header(
                  "WWW-Authenticate",
                  "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"")
              .build());
      return;
    }
    tokens.saw(auth.substring(7));
    faults.take(path).ifPresent(f -> apply(f, request));
  }

  private static void apply(Faults.Fault f, ContainerRequestContext request) {
    if (f.delayMillis() > 0) {
      try {
        Thread.sleep(f.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if ("drop".equals(f.body())) {
      // Half an answer, then the connection goes: the container aborts it on the exception.
      request.abortWith(
          Response.ok(
                  (jakarta.ws.rs.core.StreamingOutput)
                      out -> {
                        out.write("{\"value\":[{\"id\":".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        throw new java.io.IOException("fault: connection dropped");
                      },
                  MediaType.APPLICATION_JSON_TYPE)
              .build());
    } else if ("html".equals(f.body())) {
      request.abortWith(
          Response.status(f.status() > 0 ? f.status() : 200)
              .type(MediaType.TEXT_HTML_TYPE)
              .entity(
                  "<html><body><h1>502 Bad Gateway</h1><p>upstream unreachable</p></body></html>")
              .build());
    } else if (f.malformed()) {
      request.abortWith(
          Response.ok(
                  "{\"results\":[{\"tables\":[{\"rows\":[{\"x\":", MediaType.APPLICATION_JSON_TYPE)
              .build());
    } else if (f.status() > 0) {
      Response.ResponseBuilder r = Response.status(f.status());
      if (f.retryAfter() != null) {
        r.header("Retry-After", f.retryAfter());
      }
      if (f.status() >= 400) {
        r.type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                PowerBiErrors.pbiError(
                        f.status() == 429 ? "TooManyRequests" : "InternalServerError")
                    .toString());
      }
      request.abortWith(r.build());
    }
  }
}
