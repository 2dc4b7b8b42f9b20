package dev.pbimcp.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * {@link jakarta.json.Json}'s factory methods on one provider found once. {@code Json}'s own look
 * the provider up on every call (a ServiceLoader search through the server's class loaders), which
 * was 4% of a tool call's time in the transport benchmark's profile.
 */
public final class Jsonp {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  /**
   * Someone else's answer read as a JSON object: empty when it is not one (an HTML page, a cut-off
   * body), so the caller reads its fields and falls back, never catches.
   */
  public static jakarta.json.JsonObject objectOrEmpty(String text) {
    try (JsonReader reader = createReader(new java.io.StringReader(text == null ? "" : text))) {
      return reader.readValue() instanceof jakarta.json.JsonObject o
          ? o
          : jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
    } catch (jakarta.json.JsonException e) {
      return jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  public static JsonParser createParser(InputStream in) {
    return PROVIDER.createParser(in);
  }

  public static JsonGenerator createGenerator(Writer writer) {
    return PROVIDER.createGenerator(writer);
  }

  public static JsonGenerator createGenerator(OutputStream out) {
    return PROVIDER.createGenerator(out);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(int value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigInteger value) {
    return PROVIDER.createValue(value);
  }
}
