package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/**
 * Derives JSON Schemas (2020-12 subset) from records. Property names are snake_case, matching the
 * JSON-B binding {@link TypedTool} uses, so schema and binding cannot drift apart.
 */
public final class SchemaGenerator {
  private SchemaGenerator() {}

  public static JsonObject objectSchema(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType + " is not a record");
    }
    var properties = Jsonp.createObjectBuilder();
    var required = Jsonp.createArrayBuilder();
    boolean anyRequired = false;
    for (RecordComponent c : recordType.getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      JsonObjectBuilder prop = Jsonp.createObjectBuilder(schemaFor(c.getGenericType()));
      if (p != null) {
        prop.add("description", p.value());
        addBounds(prop, p);
      }
      properties.add(jsonName(c.getName()), prop);
      if (c.getType().isPrimitive() || (p != null && p.required())) {
        required.add(jsonName(c.getName()));
        anyRequired = true;
      }
    }
    var schema = Jsonp.createObjectBuilder().add("type", "object").add("properties", properties);
    if (anyRequired) {
      schema.add("required", required);
    }
    return schema.add("additionalProperties", false).build();
  }

  /** camelCase to snake_case, as JSON-B's LOWER_CASE_WITH_UNDERSCORES does it. */
  public static String jsonName(String javaName) {
    var sb = new StringBuilder();
    for (char ch : javaName.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static void addBounds(JsonObjectBuilder prop, Param p) {
    if (p.min() != Double.NEGATIVE_INFINITY) {
      prop.add("minimum", number(p.min()));
    }
    if (p.max() != Double.POSITIVE_INFINITY) {
      prop.add("maximum", number(p.max()));
    }
    if (p.minLength() >= 0) {
      prop.add("minLength", p.minLength());
    }
    if (p.maxLength() >= 0) {
      prop.add("maxLength", p.maxLength());
    }
    if (p.minItems() >= 0) {
      prop.add("minItems", p.minItems());
    }
    if (p.maxItems() >= 0) {
      prop.add("maxItems", p.maxItems());
    }
  }

  private static JsonValue number(double d) {
    return d == Math.rint(d) ? Jsonp.createValue((long) d) : Jsonp.createValue(d);
  }

  private static JsonObject schemaFor(Type type) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return Jsonp.createObjectBuilder()
            .add("type", "array")
            .add("items", schemaFor(args[0]))
            .build();
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Jsonp.createObjectBuilder()
            .add("type", "object")
            .add("additionalProperties", schemaFor(args[1]))
            .build();
      }
      return schemaFor(raw);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return typed("string");
    }
    if (c == boolean.class || c == Boolean.class) {
      return typed("boolean");
    }
    if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      return typed("integer");
    }
    if (c == double.class || c == float.class || Number.class.isAssignableFrom(c)) {
      return typed("number");
    }
    if (Temporal.class.isAssignableFrom(c)) {
      return Jsonp.createObjectBuilder().add("type", "string").add("format", "date-time").build();
    }
    if (c.isEnum()) {
      var values = Jsonp.createArrayBuilder();
      for (Object constant : c.getEnumConstants()) {
        values.add(constant.toString());
      }
      return Jsonp.createObjectBuilder().add("type", "string").add("enum", values).build();
    }
    if (c.isRecord()) {
      return objectSchema(c);
    }
    if (JsonValue.class.isAssignableFrom(c)) {
      // Cells of a result: any scalar.
      return Jsonp.createObjectBuilder()
          .add(
              "type",
              Jsonp.createArrayBuilder().add("string").add("number").add("boolean").add("null"))
          .build();
    }
    throw new IllegalArgumentException("No JSON Schema mapping for " + c);
  }

  private static JsonObject typed(String name) {
    return Jsonp.createObjectBuilder().add("type", name).build();
  }
}
