package dev.pbimcp.emulator;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Test controls of the emulator: inject faults ({@code POST /emulator/faults} with {@code path} (a
 * regex), {@code status}, {@code retryAfter}, {@code delayMs}, {@code malformed}, {@code count}),
 * list them with the requests each answered ({@code GET}), clear them, and read the fingerprint of
 * the last token the API received.
 */
@Path("emulator")
@ApplicationScoped
public class FaultResource {
  private final Faults faults;
  private final TokenLog tokens;

  @Inject
  public FaultResource(Faults faults, TokenLog tokens) {
    this.faults = faults;
    this.tokens = tokens;
  }

  /** For RESTEasy and CDI. */
  public FaultResource() {
    this(null, null);
  }

  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(JsonObject f) {
    try {
      faults.add(
          new Faults.Fault(
              Pattern.compile(f.getString("path", ".*")),
              f.getInt("status", 0),
              f.containsKey("retryAfter") ? f.getInt("retryAfter") : null,
              f.getJsonNumber("delayMs") == null ? 0 : f.getJsonNumber("delayMs").longValue(),
              f.getBoolean("malformed", false),
              f.getString("body", null),
              f.getInt("count", 1),
              new int[] {f.getInt("count", 1)}));
    } catch (PatternSyntaxException | ClassCastException e) {
      return Response.status(400).entity("Bad fault: " + e.getMessage()).build();
    }
    return Response.noContent().build();
  }

  /** The faults in force: each one's path, count and how many requests it has answered. */
  @GET
  @Path("faults")
  @Produces(MediaType.APPLICATION_JSON)
  public String list() {
    var list = Jsonp.createArrayBuilder();
    for (Faults.Fault f : faults.all()) {
      list.add(
          Jsonp.createObjectBuilder()
              .add("path", f.path().pattern())
              .add("count", f.count())
              .add("taken", f.taken()));
    }
    return list.build().toString();
  }

  @DELETE
  @Path("faults")
  public Response clear() {
    faults.clear();
    return Response.noContent().build();
  }

  @GET
  @Path("last-token")
  @Produces(MediaType.APPLICATION_JSON)
  public String lastToken() {
    return Jsonp.createObjectBuilder().add("sha256", tokens.last()).build().toString();
  }
}
