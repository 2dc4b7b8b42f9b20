package dev.pbimcp.registry;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a value against the JSON Schema keywords tool schemas use (type, properties, required,
 * additionalProperties, items, enum, const, bounds, local $ref). Messages name the offending path
 * so a model can correct its call.
 */
public final class SchemaValidator {
  private static final int MAX_DEPTH = 64;

  private final JsonObject root;
  private final List<String> errors = new ArrayList<>();

  private SchemaValidator(JsonObject root) {
    this.root = root;
  }

  /** Returns the problems found, empty when the value conforms. */
  public static List<String> validate(JsonObject schema, JsonValue value) {
    var v = new SchemaValidator(schema);
    v.check(schema, value, "arguments", 0);
    return v.errors;
  }

  private void check(JsonObject schema, JsonValue value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      errors.add(path + ": nested too deeply");
      return;
    }
    if (schema.containsKey("$ref")) {
      JsonObject target = resolve(schema.getString("$ref"));
      if (target != null) {
        check(target, value, path, depth + 1);
      }
    }
    if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(
          path + ": expected " + typeText(schema.get("type")) + " but got " + describe(value));
      return;
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      errors.add(path + ": must be one of " + schema.getJsonArray("enum"));
    }
    if (schema.containsKey("const") && !schema.get("const").equals(value)) {
      errors.add(path + ": must be " + schema.get("const"));
    }
    switch (value.getValueType()) {
      case OBJECT -> checkObject(schema, value.asJsonObject(), path, depth);
      case ARRAY -> checkArray(schema, value.asJsonArray(), path, depth);
      case NUMBER -> checkNumber(schema, (JsonNumber) value, path);
      case STRING -> checkString(schema, ((JsonString) value).getString(), path);
      default -> {}
    }
  }

  private void checkObject(JsonObject schema, JsonObject value, String path, int depth) {
    JsonObject props = schema.containsKey("properties") ? schema.getJsonObject("properties") : null;
    if (schema.containsKey("required")) {
      for (JsonValue name : schema.getJsonArray("required")) {
        String n = ((JsonString) name).getString();
        if (!value.containsKey(n) || value.isNull(n)) {
          errors.add(path + ": missing required property '" + n + "'");
        }
      }
    }
    JsonValue additional = schema.getOrDefault("additionalProperties", JsonValue.TRUE);
    for (var e : value.entrySet()) {
      String childPath = path + "." + e.getKey();
      if (props != null && props.containsKey(e.getKey())) {
        if (e.getValue().getValueType() != JsonValue.ValueType.NULL) {
          check(props.getJsonObject(e.getKey()), e.getValue(), childPath, depth + 1);
        }
      } else if (additional == JsonValue.FALSE) {
        errors.add(
            path
                + ": unknown property '"
                + e.getKey()
                + "'"
                + (props == null ? "" : " (allowed: " + String.join(", ", props.keySet()) + ")"));
      } else if (additional instanceof JsonObject extra) {
        check(extra, e.getValue(), childPath, depth + 1);
      }
    }
  }

  private void checkArray(JsonObject schema, JsonArray value, String path, int depth) {
    if (schema.containsKey("minItems") && value.size() < schema.getInt("minItems")) {
      errors.add(path + ": needs at least " + schema.getInt("minItems") + " items");
    }
    if (schema.containsKey("maxItems") && value.size() > schema.getInt("maxItems")) {
      errors.add(path + ": allows at most " + schema.getInt("maxItems") + " items");
    }
    if (schema.get("items") instanceof JsonObject items) {
      for (int i = 0; i < value.size(); i++) {
        check(items, value.get(i), path + "[" + i + "]", depth + 1);
      }
    }
  }

  private void checkNumber(JsonObject schema, JsonNumber value, String path) {
    double d = value.doubleValue();
    if (schema.containsKey("minimum") && d < schema.getJsonNumber("minimum").doubleValue()) {
      errors.add(path + ": must be at least " + schema.get("minimum"));
    }
    if (schema.containsKey("maximum") && d > schema.getJsonNumber("maximum").doubleValue()) {
      errors.add(path + ": must be at most " + schema.get("maximum"));
    }
  }

  private void checkString(JsonObject schema, String value, String path) {
    int length = value.codePointCount(0, value.length());
    if (schema.containsKey("minLength") && length < schema.getInt("minLength")) {
      errors.add(path + ": must be at least " + schema.getInt("minLength") + " characters");
    }
    if (schema.containsKey("maxLength") && length > schema.getInt("maxLength")) {
      errors.add(path + ": must be at most " + schema.getInt("maxLength") + " characters");
    }
  }

  private JsonObject resolve(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    JsonValue node = root;
    for (String part : ref.substring(2).split("/")) {
      if (!(node instanceof JsonObject o) || !o.containsKey(part)) {
        errors.add("schema: cannot resolve " + ref);
        return null;
      }
      node = o.get(part);
    }
    return node instanceof JsonObject o ? o : null;
  }

  private static boolean typeMatches(JsonValue type, JsonValue value) {
    if (type instanceof JsonArray any) {
      return any.stream().anyMatch(t -> typeMatches(t, value));
    }
    String t = ((JsonString) type).getString();
    return switch (t) {
      case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
      case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
      case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
      case "boolean" ->
          value.getValueType() == JsonValue.ValueType.TRUE
              || value.getValueType() == JsonValue.ValueType.FALSE;
      case "null" -> value.getValueType() == JsonValue.ValueType.NULL;
      case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
      case "integer" ->
          value.getValueType() == JsonValue.ValueType.NUMBER
              && isWhole(((JsonNumber) value).doubleValue());
      default -> true;
    };
  }

  private static boolean isWhole(double d) {
    return !Double.isInfinite(d) && d == Math.rint(d);
  }

  private static String typeText(JsonValue type) {
    return type instanceof JsonString s ? s.getString() : type.toString();
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
