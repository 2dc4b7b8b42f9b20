package dev.pbimcp.bench.apps;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POST /echo?size=N reads the JSON body and answers N bytes of JSON: the least any JSON-over-HTTP
 * endpoint of that size costs on this Liberty (no CDI, no filters, no parsing of our own).
 */
@Path("echo")
public class BareResource {
  private static final Map<Integer, String> BODIES = new ConcurrentHashMap<>();

  @POST
  public Response echo(String body, @QueryParam("size") int size) {
    String answer =
        BODIES.computeIfAbsent(
            Math.max(32, size),
            n ->
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\""
                    + "x".repeat(n - 47)
                    + "\"}}");
    return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
