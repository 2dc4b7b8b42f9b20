package dev.pbimcp.http;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.Loopback;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.ops.Check;
import dev.pbimcp.ops.ConnectionDoctor;
import dev.pbimcp.ops.SetupPageHtml;
import dev.pbimcp.registry.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /} for people: the setup page (a browser names text/html); every other client gets the
 * JSON error it always got. {@code /setup/doctor}: the connection doctor as JSON. The doctor's
 * details are shown only to a request from this machine itself (loopback, not forwarded by a
 * proxy): anyone else sees what the metadata already tells any client.
 */
@Path("")
@ApplicationScoped
public class SetupPage {
  private final ServerInfo info;
  private final AuthSettings auth;
  private final ConnectionDoctor doctor;

  @Inject
  public SetupPage(ServerInfo info, AuthSettings auth, ConnectionDoctor doctor) {
    this.info = info;
    this.auth = auth;
    this.doctor = doctor;
  }

  /** For CDI's proxy. */
  protected SetupPage() {
    this(null, null, null);
  }

  @GET
  public Response page(
      @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest request) {
    if (!Accept.html(headers)) {
      return HttpErrors.response(
          404,
          null,
          JsonRpc.SERVER_ERROR,
          "Not Found: the MCP endpoint is /mcp; open this address in a browser for the setup page.");
    }
    String base = auth.baseUrl(uri);
    var facts =
        new SetupPageHtml.Facts(
            info.version(),
            base + "/mcp",
            base,
            auth.mode() == AuthSettings.Mode.ENTRA,
            auth.tenantId(),
            auth.clientId(),
            auth.qualifiedScope(),
            local(request, headers) ? checks(uri) : null);
    return Response.ok(SetupPageHtml.render(facts), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'unsafe-inline'; frame-ancestors 'none'")
        .build();
  }

  @GET
  @Path("setup/doctor")
  public Response doctor(
      @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest request) {
    if (!local(request, headers)) {
      return HttpErrors.response(
          403,
          null,
          JsonRpc.SERVER_ERROR,
          "The connection doctor answers requests from this server's own machine only: ask"
              + " http://127.0.0.1:<port>/setup/doctor there (on Azure, from the Web App's SSH"
              + " console).");
    }
    var list = Jsonp.createArrayBuilder();
    List<Check> checks = checks(uri);
    checks.forEach(c -> list.add(c.toJson()));
    String worst = Check.worst(checks).name().toLowerCase(java.util.Locale.ROOT);
    return Response.ok(
            Jsonp.createObjectBuilder()
                .add("verdict", worst)
                .add("checkedAt", doctor.report().at().toString())
                .add("checks", list)
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  private List<Check> checks(UriInfo uri) {
    List<Check> all = new ArrayList<>(doctor.report().checks());
    all.add(1, doctor.arrival(uri.getBaseUri().toString()));
    return all;
  }

  /** From this machine, not through a proxy on it: a forwarded request is someone else's. */
  private static boolean local(HttpServletRequest request, HttpHeaders headers) {
    return request != null
        && Loopback.host(request.getRemoteAddr())
        && headers.getHeaderString("Forwarded") == null
        && headers.getHeaderString("X-Forwarded-For") == null;
  }
}
