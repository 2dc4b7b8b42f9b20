package dev.pbimcp.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The benchmark's floor: a plain JAX-RS JSON endpoint on the same server that parses a JSON-RPC
 * request and answers it, with no MCP in between. Deployed only with the benchmark archive.
 */
@Path("bench/echo")
@ApplicationScoped
public class EchoResource {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String echo(JsonObject request) {
    return Json.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", request.get("id"))
        .add("result", Json.createObjectBuilder().add("echo", request.getString("method", "")))
        .build()
        .toString();
  }
}
