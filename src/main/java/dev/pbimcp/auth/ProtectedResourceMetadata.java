package dev.pbimcp.auth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * RFC 9728 protected resource metadata, at both paths MCP clients try: which resource this is,
 * where to sign in, and the scope to ask for. The authorization server named is this server's OAuth
 * façade (which forwards to Entra ID): Entra itself publishes no metadata a spec-following MCP
 * client accepts.
 */
@Path(".well-known/oauth-protected-resource")
@ApplicationScoped
public class ProtectedResourceMetadata {
  private final AuthSettings settings;

  @Inject
  public ProtectedResourceMetadata(AuthSettings settings) {
    this.settings = settings;
  }

  /** For RESTEasy and CDI. */
  public ProtectedResourceMetadata() {
    this(null);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response root(@Context UriInfo uri) {
    return metadata(uri);
  }

  @GET
  @Path("mcp")
  @Produces(MediaType.APPLICATION_JSON)
  public Response mcp(@Context UriInfo uri) {
    return metadata(uri);
  }

  private Response metadata(UriInfo uri) {
    if (settings.mode() != AuthSettings.Mode.ENTRA) {
      return Response.status(404).build();
    }
    return Response.ok(
            Jsonp.createObjectBuilder()
                .add("resource", settings.resource(uri))
                .add("authorization_servers", Jsonp.createArrayBuilder().add(settings.baseUrl(uri)))
                .add("scopes_supported", Jsonp.createArrayBuilder().add(settings.qualifiedScope()))
                .add("bearer_methods_supported", Jsonp.createArrayBuilder().add("header"))
                .add("resource_name", "Power BI MCP server")
                .build()
                .toString())
        .build();
  }
}
