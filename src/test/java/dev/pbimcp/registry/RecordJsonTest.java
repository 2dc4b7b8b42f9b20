package dev.pbimcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record as JSON, held to what JSON-B (the way tools answered before) makes of it. */
public class RecordJsonTest {
  public enum Mode {
    IMPORT,
    DIRECT_QUERY
  }

  public record Inner(String tableName, long rowCount) {}

  public record Everything(
      String serverVersion,
      String absent,
      boolean readOnly,
      int pageSize,
      long uptimeSeconds,
      double shareOfTotal,
      Double noShare,
      BigDecimal amount,
      Mode storageMode,
      Inner firstTable,
      List<Inner> tables,
      List<String> namesWithNulls,
      Map<String, Long> rowsByTable,
      Instant refreshedAt,
      OffsetDateTime startedAt,
      LocalDateTime localStart,
      LocalDate day,
      JsonValue cell) {}

  @Test
  void everyKindASchemaDescribesComesOutAsJsonBWroteIt() {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("Sales", 120_000L);
    rows.put("Date", 1_461L);
    Everything e =
        new Everything(
            "1.2.3",
            null,
            true,
            50,
            86_400_000_000L,
            0.125,
            null,
            new BigDecimal("12.50"),
            Mode.DIRECT_QUERY,
            new Inner("Sales", 3),
            List.of(new Inner("A", 1), new Inner("B\"\n", 2)),
            Arrays.asList("x", null, "ü€"),
            rows,
            Instant.parse("2026-12-01T10:00:00Z"),
            OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1)),
            LocalDateTime.of(2026, 12, 1, 10, 0),
            LocalDate.of(2026, 12, 1),
            Json.createValue(7));
    JsonObject ours = RecordJson.of(e);
    assertEquals(viaJsonb(e), ours);
    assertFalse(ours.containsKey("absent"), "a null component is left out");
    var declared = SchemaGenerator.objectSchema(Everything.class).getJsonObject("properties");
    assertTrue(declared.keySet().containsAll(ours.keySet()), "the names the output schema gives");
    assertEquals(
        List.of("server_version", "read_only", "page_size"),
        ours.keySet().stream().limit(3).toList(),
        "declaration order, snake_case");
  }

  @Test
  void aRecordWithoutComponentsIsAnEmptyObject() {
    record None() {}
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, RecordJson.of(new None()));
  }

  private static JsonObject viaJsonb(Record r) {
    try (Jsonb jsonb =
        JsonbBuilder.create(
            new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES))) {
      return Json.createReader(new StringReader(jsonb.toJson(r))).readObject();
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }
}
