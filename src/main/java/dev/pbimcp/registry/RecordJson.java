package dev.pbimcp.registry;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/**
 * A record as a JSON object, straight from its components: the kinds {@link SchemaGenerator}
 * describes, named by {@link SchemaGenerator#jsonName}, in declaration order (the schema's), with
 * null components left out as JSON-B leaves them. Going through JSON-B's text and parsing it back
 * cost a tenth of a quick tool call (JFR).
 */
final class RecordJson {
  private record Component(String name, Method accessor) {}

  private static final ClassValue<Component[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
          RecordComponent[] rc = type.getRecordComponents();
          Component[] out = new Component[rc.length];
          for (int i = 0; i < rc.length; i++) {
            Method accessor = rc[i].getAccessor();
            accessor.setAccessible(true);
            out[i] = new Component(SchemaGenerator.jsonName(rc[i].getName()), accessor);
          }
          return out;
        }
      };

  private RecordJson() {}

  static jakarta.json.JsonObject of(Record value) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder();
    for (Component c : COMPONENTS.get(value.getClass())) {
      Object v;
      try {
        v = c.accessor().invoke(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("The accessor " + c.accessor() + " failed", e.getCause());
      }
      if (v != null) {
        b.add(c.name(), value(v));
      }
    }
    return b.build();
  }

  private static JsonValue value(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof JsonValue j) {
      return j;
    }
    if (v instanceof String s) {
      return Jsonp.createValue(s);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Jsonp.createValue(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      // JSON has no NaN or infinity; JSON-B wrote them as strings too.
      return Double.isFinite(d) ? Jsonp.createValue(d) : Jsonp.createValue(Double.toString(d));
    }
    if (v instanceof BigInteger i) {
      return Jsonp.createValue(i);
    }
    if (v instanceof BigDecimal d) {
      return Jsonp.createValue(d);
    }
    if (v instanceof Enum<?> e) {
      return Jsonp.createValue(e.toString());
    }
    if (v instanceof Record r) {
      return of(r);
    }
    if (v instanceof Collection<?> items) {
      JsonArrayBuilder a = Jsonp.createArrayBuilder();
      items.forEach(item -> a.add(value(item)));
      return a.build();
    }
    if (v instanceof Map<?, ?> map) {
      JsonObjectBuilder o = Jsonp.createObjectBuilder();
      map.forEach((k, item) -> o.add(String.valueOf(k), value(item)));
      return o.build();
    }
    return Jsonp.createValue(temporal(v));
  }

  /** Date-times as JSON-B writes them (ISO 8601, seconds always shown). */
  private static String temporal(Object v) {
    if (v instanceof Instant i) {
      return DateTimeFormatter.ISO_INSTANT.format(i);
    }
    if (v instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (v instanceof ZonedDateTime t) {
      return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(t);
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (v instanceof LocalDate t) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(t);
    }
    throw new IllegalArgumentException("No JSON mapping for " + v.getClass());
  }
}
