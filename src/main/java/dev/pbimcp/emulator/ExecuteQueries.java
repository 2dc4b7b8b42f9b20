package dev.pbimcp.emulator;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST …/executeQueries}: one DAX query, evaluated by the emulator's engine, streamed back
 * in the service's shape. Power BI's limits apply as in the service: past 100,000 rows, 1,000,000
 * values or 15 MB the answer is HTTP 200 with the rows so far and an error saying which limit.
 */
@Path("emulator/v1.0/myorg/groups/{group}/datasets/{dataset}/executeQueries")
@ApplicationScoped
public class ExecuteQueries {
  static final int MAX_ROWS = 100_000;
  static final int MAX_VALUES = 1_000_000;
  static final long MAX_BYTES = 15L * 1024 * 1024;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ExecuteQueries.class.getName());

  private final Emulator emulator;

  @Inject
  public ExecuteQueries(Emulator emulator) {
    this.emulator = emulator;
  }

  /** For RESTEasy and CDI. */
  public ExecuteQueries() {
    this(null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response execute(
      @PathParam("group") String group,
      @PathParam("dataset") String dataset,
      @HeaderParam("Authorization") String authorization,
      JsonObject body) {
    Optional<SampleTenant.Dataset> d = emulator.tenant().dataset(group, dataset);
    if (d.isEmpty()) {
      return PowerBiErrors.notFound();
    }
    JsonArray queries = body == null ? null : body.getJsonArray("queries");
    if (queries == null
        || queries.size() != 1
        || !(queries.get(0) instanceof JsonObject q)
        || !(q.get("query") instanceof JsonString text)) {
      return PowerBiErrors.badRequest(
          "The request must contain exactly one query: {\"queries\":[{\"query\":\"EVALUATE …\"}]}.");
    }
    boolean includeNulls =
        body.getJsonObject("serializerSettings") != null
            && body.getJsonObject("serializerSettings").getBoolean("includeNulls", false);
    List<Engine.Result> results;
    try {
      String user = effectiveUser(body, d.get(), authorization);
      // As in the service, the model's owner is not subject to row-level security; others are.
      boolean secured = d.get().rls() && !user.equalsIgnoreCase(d.get().configuredBy());
      results = d.get().engine().run(text.getString(), user, secured);
    } catch (DaxException e) {
      return PowerBiErrors.daxError(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // Whatever the query text, the answer is Power BI's error shape, never a 500; the cause
      // goes to the log under a reference, never into the message.
      String reference = java.util.UUID.randomUUID().toString();
      LOG.log(
          java.util.logging.Level.WARNING,
          dev.pbimcp.telemetry.RequestId.tag("The DAX engine failed, reference " + reference),
          e);
      return PowerBiErrors.daxError(
          "The Power BI emulator could not evaluate this query (reference "
              + reference
              + "). Simplify it, or report the query and the reference.");
    }
    StreamingOutput out = stream -> write(results, includeNulls, stream);
    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static void write(List<Engine.Result> results, boolean includeNulls, OutputStream raw)
      throws IOException {
    Counting counted = new Counting(raw);
    try (JsonGenerator g = Jsonp.createGenerator(counted)) {
      g.writeStartObject().writeStartArray("results").writeStartObject().writeStartArray("tables");
      String limit = null;
      long n = 0;
      long values = 0;
      for (Engine.Result table : results) {
        g.writeStartObject().writeStartArray("rows");
        int width = table.columns().size();
        for (int i = 0; limit == null && i < table.rows().size(); i++) {
          limit = limit(n, values + width, counted);
          if (limit != null) {
            break;
          }
          Object[] row = table.rows().get(i);
          g.writeStartObject();
          for (int c = 0; c < width; c++) {
            writeValue(g, table.columns().get(c), row[c], includeNulls);
          }
          g.writeEnd();
          n++;
          values += width;
          g.flush();
        }
        g.writeEnd().writeEnd();
      }
      g.writeEnd();
      if (limit != null) {
        g.write(
            "error",
            PowerBiErrors.pbiError("DatasetExecuteQueriesError", limit).getJsonObject("error"));
      }
      g.writeEnd().writeEnd().writeEnd();
    }
  }

  /** Power BI's message for the first limit the next row would pass, or null. */
  private static String limit(long rows, long values, Counting counted) {
    if (rows == MAX_ROWS) {
      return "The query returned more than the maximum of "
          + MAX_ROWS
          + " rows; only the first "
          + MAX_ROWS
          + " rows are included.";
    }
    if (values > MAX_VALUES) {
      return "The query returned more than the maximum of "
          + MAX_VALUES
          + " values; only the first "
          + rows
          + " rows are included.";
    }
    if (counted.count > MAX_BYTES) {
      return "The query result exceeded the maximum size of 15 MB; only the first "
          + rows
          + " rows are included.";
    }
    return null;
  }

  /**
   * Who the query runs as, for USERPRINCIPALNAME() and row-level security: the impersonated user
   * when asked for, else the user the bearer token names, else the model's owner (the emulator's
   * own token stands for the app that configured it).
   */
  static String effectiveUser(JsonObject body, SampleTenant.Dataset d, String authorization) {
    JsonValue impersonated = body.get("impersonatedUserName");
    if (impersonated instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    String fromToken = TokenClaims.userName(authorization);
    return fromToken != null ? fromToken : d.configuredBy();
  }

  private static void writeValue(JsonGenerator g, String name, Object v, boolean includeNulls) {
    if (v == null) {
      if (includeNulls) {
        g.write(name, JsonValue.NULL);
      }
    } else if (v instanceof Long l) {
      g.write(name, l);
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        g.write(name, d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      } else {
        g.write(name, d);
      }
    } else if (v instanceof Boolean b) {
      g.write(name, b);
    } else if (v instanceof LocalDateTime date) {
      g.write(name, date.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    } else {
      g.write(name, v.toString());
    }
  }

  /** Counts bytes written, for the 15 MB limit. */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
