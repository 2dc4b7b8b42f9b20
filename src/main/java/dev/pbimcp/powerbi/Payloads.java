package dev.pbimcp.powerbi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Power BI REST payloads the gateway returns, read with case-insensitive member names (the
 * swagger and the live service disagree on case).
 */
public final class Payloads {
  private Payloads() {}

  /** A workspace. */
  public record Workspace(
      String id, String name, String type, boolean readOnly, boolean dedicatedCapacity) {
    static Workspace from(JsonObject o) {
      return new Workspace(
          str(o, "id"),
          str(o, "name"),
          str(o, "type"),
          bool(o, "isReadOnly"),
          bool(o, "isOnDedicatedCapacity"));
    }
  }

  /**
   * A model the built-in emulator was told to load from a Power BI Project: loaded, or failed with
   * the reason; {@code leftOut} lists what it does not serve.
   */
  public record LocalModel(
      String name, String source, boolean loaded, String error, List<String> leftOut) {
    static LocalModel from(JsonObject o) {
      JsonValue notes = o.get("leftOut");
      List<String> leftOut =
          notes instanceof jakarta.json.JsonArray a
              ? a.getValuesAs(jakarta.json.JsonString.class).stream()
                  .map(jakarta.json.JsonString::getString)
                  .toList()
              : List.of();
      return new LocalModel(
          str(o, "name"),
          str(o, "source"),
          "Loaded".equalsIgnoreCase(str(o, "status")),
          str(o, "error"),
          leftOut);
    }
  }

  /** A semantic model (a "dataset" in the REST API). */
  public record SemanticModel(
      String id,
      String workspaceId,
      String name,
      String configuredBy,
      boolean refreshable,
      boolean rlsRequired,
      String storageMode,
      String createdDate,
      String description,
      String webUrl) {
    static SemanticModel from(JsonObject o, String workspaceId) {
      return new SemanticModel(
          str(o, "id"),
          workspaceId,
          str(o, "name"),
          str(o, "configuredBy"),
          bool(o, "isRefreshable"),
          bool(o, "isEffectiveIdentityRequired") || bool(o, "isEffectiveIdentityRolesRequired"),
          str(o, "targetStorageMode"),
          str(o, "createdDate"),
          str(o, "description"),
          str(o, "webUrl"));
    }
  }

  /** A report; paginated reports have no semantic model. */
  public record Report(
      String id,
      String name,
      String reportType,
      String datasetId,
      String webUrl,
      String description) {
    static Report from(JsonObject o) {
      return new Report(
          str(o, "id"),
          str(o, "name"),
          str(o, "reportType"),
          str(o, "datasetId"),
          str(o, "webUrl"),
          str(o, "description"));
    }
  }

  /** A dashboard. */
  public record Dashboard(String id, String name, boolean readOnly, String webUrl) {
    static Dashboard from(JsonObject o) {
      return new Dashboard(
          str(o, "id"), str(o, "displayName"), bool(o, "isReadOnly"), str(o, "webUrl"));
    }
  }

  /** A dashboard tile. */
  public record Tile(String id, String title, String reportId, String datasetId) {
    static Tile from(JsonObject o) {
      return new Tile(str(o, "id"), str(o, "title"), str(o, "reportId"), str(o, "datasetId"));
    }
  }

  /** One refresh of a semantic model; status Unknown means it is still running. */
  public record Refresh(
      String requestId,
      String refreshType,
      String status,
      String startTime,
      String endTime,
      String serviceExceptionJson) {
    static Refresh from(JsonObject o) {
      return new Refresh(
          str(o, "requestId"),
          str(o, "refreshType"),
          str(o, "status"),
          str(o, "startTime"),
          str(o, "endTime"),
          str(o, "serviceExceptionJson"));
    }
  }

  static <T> List<T> values(JsonObject page, Function<JsonObject, T> read) {
    JsonValue value = member(page, "value");
    if (!(value instanceof jakarta.json.JsonArray array)) {
      throw new PowerBiException(
          PowerBiException.Kind.MALFORMED,
          "Power BI answered without the expected 'value' list. Try again.");
    }
    return array.stream()
        .filter(JsonObject.class::isInstance)
        .map(v -> read.apply(v.asJsonObject()))
        .toList();
  }

  static JsonValue member(JsonObject o, String name) {
    JsonValue exact = o.get(name);
    if (exact != null) {
      return exact;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (var e : o.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        return e.getValue();
      }
    }
    return null;
  }

  static String str(JsonObject o, String name) {
    JsonValue v = member(o, name);
    return v instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  static boolean bool(JsonObject o, String name) {
    return member(o, name) == JsonValue.TRUE;
  }
}
