package dev.pbimcp.emulator.project;

import dev.pbimcp.json.Jsonp;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TMSL {@code model.bim} (the JSON of a database with its model) into the same {@link ModelNode}
 * tree TMDL gives: each array of objects ({@code tables}, {@code columns}, …) becomes children of
 * the singular kind, scalar fields become properties, and the fields TMDL writes after {@code =} (a
 * measure's or calculated column's {@code expression}, a partition's source type, a table
 * permission's {@code filterExpression}) become the default property. Expressions written as arrays
 * of lines are joined.
 */
final class BimParser {
  private BimParser() {}

  /** A JSON object with the line it starts on. */
  private record Obj(int line, Map<String, Object> fields) {}

  /** The model object's tables, relationships and roles, as top-level nodes. */
  static List<ModelNode> parse(String file, String text) {
    Object root;
    try (JsonParser p = Jsonp.createParser(new StringReader(text))) {
      if (!p.hasNext()) {
        throw new ModelFileException(file, 1, "the file is empty; expected the JSON of a model.");
      }
      root = value(p, p.next());
    } catch (JsonParsingException e) {
      throw new ModelFileException(
          file,
          (int) e.getLocation().getLineNumber(),
          "not valid JSON at column " + e.getLocation().getColumnNumber() + ": " + e.getMessage());
    }
    if (!(root instanceof Obj db) || !(db.fields().get("model") instanceof Obj model)) {
      throw new ModelFileException(
          file, 1, "expected a JSON object with a \"model\" object, as Power BI Desktop saves it.");
    }
    List<ModelNode> top = new ArrayList<>();
    for (String array : List.of("tables", "relationships", "roles")) {
      for (Obj o : objects(file, model, array)) {
        top.add(node(file, singular(array), o));
      }
    }
    return top;
  }

  private static Object value(JsonParser p, JsonParser.Event e) {
    switch (e) {
      case START_OBJECT -> {
        int line = (int) p.getLocation().getLineNumber();
        Map<String, Object> fields = new LinkedHashMap<>();
        while (true) {
          JsonParser.Event k = p.next();
          if (k == JsonParser.Event.END_OBJECT) {
            return new Obj(line, fields);
          }
          String key = p.getString();
          fields.put(key, value(p, p.next()));
        }
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (true) {
          JsonParser.Event v = p.next();
          if (v == JsonParser.Event.END_ARRAY) {
            return list;
          }
          list.add(value(p, v));
        }
      }
      case VALUE_STRING, VALUE_NUMBER -> {
        return p.getString();
      }
      case VALUE_TRUE -> {
        return "true";
      }
      case VALUE_FALSE -> {
        return "false";
      }
      default -> {
        return null;
      }
    }
  }

  private static List<Obj> objects(String file, Obj parent, String array) {
    Object v = parent.fields().get(array);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new ModelFileException(file, parent.line(), "\"" + array + "\" must be an array.");
    }
    List<Obj> out = new ArrayList<>();
    for (Object x : list) {
      if (!(x instanceof Obj o)) {
        throw new ModelFileException(
            file, parent.line(), "\"" + array + "\" must hold objects only.");
      }
      out.add(o);
    }
    return out;
  }

  private static ModelNode node(String file, String kind, Obj o) {
    String nameField = kind.equals("member") ? "memberName" : "name";
    ModelNode n = new ModelNode(file, o.line(), kind, text(o.fields().get(nameField)));
    for (Map.Entry<String, Object> f : o.fields().entrySet()) {
      String key = f.getKey();
      Object v = f.getValue();
      if (key.equals(nameField)) {
        continue;
      }
      if (key.equals("description")) {
        n.description = text(v);
      } else if (v instanceof Obj child) {
        if (key.equals("source")) {
          n.value = text(child.fields().get("type"));
          String source = text(child.fields().get("expression"));
          if (source == null) {
            source = text(child.fields().get("query"));
          }
          if (source != null) {
            n.properties.put("source", new ModelNode.Property(source, child.line()));
          }
        } else {
          n.children.add(node(file, key, child));
        }
      } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Obj) {
        for (Obj child : objects(file, o, key)) {
          n.children.add(node(file, singular(key), child));
        }
      } else if (v != null) {
        String t = text(v);
        boolean isDefault =
            (key.equals("expression") && !kind.equals("partition"))
                || key.equals("filterExpression");
        if (isDefault) {
          n.value = t;
        } else {
          n.properties.put(key, new ModelNode.Property(t, o.line()));
        }
      }
    }
    return n;
  }

  /** A string, or an array of lines joined (TMSL writes long expressions so). */
  private static String text(Object v) {
    if (v instanceof List<?> lines) {
      return String.join("\n", lines.stream().map(String::valueOf).toList());
    }
    return v == null ? null : v.toString();
  }

  private static String singular(String array) {
    return switch (array) {
      case "hierarchies" -> "hierarchy";
      case "extendedProperties" -> "extendedProperty";
      case "tablePermissions" -> "tablePermission";
      default -> array.endsWith("s") ? array.substring(0, array.length() - 1) : array;
    };
  }
}
