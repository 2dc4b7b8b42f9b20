package dev.pbimcp.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
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
      @PathParam("group") String group, @PathParam("dataset") String dataset, JsonObject body) {
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
    Rows rows;
    try {
      rows = new DaxEngine(d.get().model()).run(text.getString());
    } catch (DaxException e) {
      return PowerBiErrors.daxError(e.getMessage());
    }
    StreamingOutput out = stream -> write(rows, includeNulls, stream);
    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static void write(Rows rows, boolean includeNulls, OutputStream raw) throws IOException {
    Counting counted = new Counting(raw);
    try (JsonGenerator g = Json.createGenerator(counted)) {
      g.writeStartObject().writeStartArray("results").writeStartObject().writeStartArray("tables");
      g.writeStartObject().writeStartArray("rows");
      int width = rows.columns().size();
      String limit = null;
      int n = 0;
      for (Object[] row : rows.rows()) {
        if (n == MAX_ROWS) {
          limit =
              "The query returned more than the maximum of "
                  + MAX_ROWS
                  + " rows; only the first "
                  + MAX_ROWS
                  + " rows are included.";
          break;
        }
        if ((long) (n + 1) * width > MAX_VALUES) {
          limit =
              "The query returned more than the maximum of "
                  + MAX_VALUES
                  + " values; only the first "
                  + n
                  + " rows are included.";
          break;
        }
        g.flush();
        if (counted.count > MAX_BYTES) {
          limit =
              "The query result exceeded the maximum size of 15 MB; only the first "
                  + n
                  + " rows are included.";
          break;
        }
        g.writeStartObject();
        for (int c = 0; c < width; c++) {
          writeValue(g, rows.columns().get(c), row[c], includeNulls);
        }
        g.writeEnd();
        n++;
      }
      g.writeEnd().writeEnd().writeEnd();
      if (limit != null) {
        g.write(
            "error",
            PowerBiErrors.pbiError("DatasetExecuteQueriesError", limit).getJsonObject("error"));
      }
      g.writeEnd().writeEnd().writeEnd();
    }
  }

  private static void writeValue(JsonGenerator g, String name, Object v, boolean includeNulls) {
    if (v == null) {
      if (includeNulls) {
        g.write(name, JsonValue.NULL);
      }
    } else if (v instanceof Long l) {
      g.write(name, l);
    } else if (v instanceof Double d) {
      g.write(name, d);
    } else if (v instanceof Boolean b) {
      g.write(name, b);
    } else if (v instanceof LocalDate date) {
      g.write(name, date + "T00:00:00");
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
