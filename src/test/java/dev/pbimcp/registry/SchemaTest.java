package dev.pbimcp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
  enum Mode {
    FAST,
    SLOW
  }

  record Inner(@Param("A name.") String name) {}

  record Input(
      @Param(value = "Workspace name filter.", maxLength = 10) String nameFilter,
      @Param(value = "Rows.", min = 1, max = 100) int maxRows,
      @Param(value = "Mode.", required = true) Mode mode,
      @Param("Tags.") List<String> tags,
      Inner inner) {}

  private static final JsonObject SCHEMA = SchemaGenerator.objectSchema(Input.class);

  @Test
  void derivesSnakeCaseSchemaWithBoundsAndRequired() {
    JsonObject props = SCHEMA.getJsonObject("properties");
    assertEquals("string", props.getJsonObject("name_filter").getString("type"));
    assertEquals(10, props.getJsonObject("name_filter").getInt("maxLength"));
    assertEquals("integer", props.getJsonObject("max_rows").getString("type"));
    assertEquals(1, props.getJsonObject("max_rows").getInt("minimum"));
    assertEquals("array", props.getJsonObject("tags").getString("type"));
    assertEquals(2, props.getJsonObject("mode").getJsonArray("enum").size());
    assertEquals("object", props.getJsonObject("inner").getString("type"));
    assertEquals(
        List.of("max_rows", "mode"),
        SCHEMA
            .getJsonArray("required")
            .getValuesAs(j -> ((jakarta.json.JsonString) j).getString()));
    assertEquals(false, SCHEMA.getBoolean("additionalProperties"));
  }

  @Test
  void acceptsConformingArguments() {
    assertTrue(
        SchemaValidator.validate(
                SCHEMA,
                json(
                    "{\"max_rows\":5,\"mode\":\"FAST\",\"tags\":[\"a\"],\"inner\":{\"name\":\"x\"}}"))
            .isEmpty());
  }

  @Test
  void namesEachProblemWithItsPath() {
    List<String> problems =
        SchemaValidator.validate(
            SCHEMA,
            json(
                "{\"max_rows\":0,\"mode\":\"MEDIUM\",\"name_filter\":\"far too long a name\","
                    + "\"tags\":[1],\"inner\":{\"nam\":1},\"extra\":true}"));
    String all = String.join("\n", problems);
    assertTrue(all.contains("arguments.max_rows: must be at least 1"), all);
    assertTrue(all.contains("arguments.mode: must be one of"), all);
    assertTrue(all.contains("arguments.name_filter: must be at most 10 characters"), all);
    assertTrue(all.contains("arguments.tags[0]: expected string"), all);
    assertTrue(all.contains("arguments.inner: unknown property 'nam'"), all);
    assertTrue(all.contains("arguments: unknown property 'extra'"), all);
    assertTrue(
        SchemaValidator.validate(SCHEMA, json("{}"))
            .contains("arguments: missing required property 'max_rows'"));
    assertTrue(
        SchemaValidator.validate(SCHEMA, json("{\"max_rows\":1.5,\"mode\":\"FAST\"}"))
            .get(0)
            .contains("expected integer"));
  }

  private static JsonObject json(String s) {
    try (var r = Json.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }
}
