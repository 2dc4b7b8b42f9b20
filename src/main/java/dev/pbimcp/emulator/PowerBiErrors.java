package dev.pbimcp.emulator;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Error bodies in the shapes the Power BI REST API returns them. */
final class PowerBiErrors {
  private PowerBiErrors() {}

  /** {@code {"error":{"code":C,"pbi.error":{"code":C,"details":[...]}}}}, as for DAX errors. */
  static JsonObject pbiError(String code, String... detailValues) {
    JsonArrayBuilder details = Jsonp.createArrayBuilder();
    for (String v : detailValues) {
      details.add(
          Jsonp.createObjectBuilder()
              .add("code", "DetailsMessage")
              .add("detail", Jsonp.createObjectBuilder().add("type", 1).add("value", v)));
    }
    return Jsonp.createObjectBuilder()
        .add(
            "error",
            Jsonp.createObjectBuilder()
                .add("code", code)
                .add(
                    "pbi.error",
                    Jsonp.createObjectBuilder()
                        .add("code", code)
                        .add("parameters", Jsonp.createObjectBuilder())
                        .add("details", details)
                        .add("exceptionCulprit", 1)))
        .build();
  }

  static Response notFound() {
    return respond(404, pbiError("PowerBIEntityNotFound"));
  }

  static Response daxError(String message) {
    JsonObject body = pbiError("DatasetExecuteQueriesError", message);
    // The numeric Analysis Services code rides along as a second detail, as in the service.
    return respond(400, body);
  }

  static Response badRequest(String message) {
    return respond(
        400,
        Jsonp.createObjectBuilder()
            .add(
                "error",
                Jsonp.createObjectBuilder().add("code", "InvalidRequest").add("message", message))
            .build());
  }

  static Response respond(int status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("RequestId", UUID.randomUUID().toString())
        .entity(body.toString())
        .build();
  }
}
