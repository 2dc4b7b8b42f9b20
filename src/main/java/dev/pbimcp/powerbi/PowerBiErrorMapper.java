package dev.pbimcp.powerbi;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Decodes Power BI's error answers ({@code error.code}, {@code error["pbi.error"].details[]}, empty
 * bodies with only a status and a RequestId) into {@link PowerBiException}s whose message tells the
 * user what to do.
 */
public class PowerBiErrorMapper implements ResponseExceptionMapper<PowerBiException> {

  @Override
  public PowerBiException toThrowable(Response response) {
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    return decode(
        response.getStatus(),
        body,
        response.getHeaderString("RequestId"),
        response.getHeaderString("Retry-After"));
  }

  static PowerBiException decode(int status, String body, String requestId, String retryAfter) {
    JsonObject error = errorObject(body);
    String code = error == null ? null : code(error);
    String detail = error == null ? null : detail(error);
    Integer retry = seconds(retryAfter);
    PowerBiException.Kind kind = kind(status, code);
    String message = PowerBiMessages.describe(kind, status, code, detail, requestId, retry);
    return new PowerBiException(kind, message, status, code, requestId, retry);
  }

  /** The {@code error} member of a body, or null when the body has none or is not JSON. */
  static JsonObject errorObject(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (var reader = Jsonp.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      return v instanceof JsonObject o && o.get("error") instanceof JsonObject e ? e : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  static String code(JsonObject error) {
    if (error.get("pbi.error") instanceof JsonObject pbi && pbi.containsKey("code")) {
      return pbi.getString("code", null);
    }
    return error.getString("code", null);
  }

  /** The useful text: the pbi.error detail messages, else error.message, else null. */
  static String detail(JsonObject error) {
    List<String> parts = new ArrayList<>();
    if (error.get("pbi.error") instanceof JsonObject pbi
        && pbi.get("details") instanceof jakarta.json.JsonArray details) {
      for (JsonValue d : details) {
        if (d instanceof JsonObject o
            && "DetailsMessage".equals(o.getString("code", ""))
            && o.get("detail") instanceof JsonObject detail) {
          parts.add(detail.getString("value", ""));
        }
      }
    }
    if (parts.isEmpty()
        && error.get("message") instanceof jakarta.json.JsonString m
        && !m.getString().isBlank()) {
      parts.add(m.getString());
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static PowerBiException.Kind kind(int status, String code) {
    if (status == 429) {
      return PowerBiException.Kind.THROTTLED;
    }
    if (status >= 500) {
      return PowerBiException.Kind.UNAVAILABLE;
    }
    if (status == 404 || "PowerBIEntityNotFound".equals(code) || "ItemNotFound".equals(code)) {
      return PowerBiException.Kind.NOT_FOUND;
    }
    if (status == 401) {
      return PowerBiException.Kind.UNAUTHORIZED;
    }
    if (status == 403) {
      return PowerBiException.Kind.FORBIDDEN;
    }
    if ("DatasetExecuteQueriesError".equals(code)) {
      return PowerBiException.Kind.BAD_QUERY;
    }
    return PowerBiException.Kind.BAD_REQUEST;
  }

  private static Integer seconds(String retryAfter) {
    if (retryAfter == null) {
      return null;
    }
    try {
      return Math.max(0, Integer.parseInt(retryAfter.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
