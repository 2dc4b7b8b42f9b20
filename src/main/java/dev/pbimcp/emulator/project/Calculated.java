package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calculated tables and columns, evaluated by the DAX engine over the tables loaded so far, as
 * Power BI evaluates them at refresh. One may use another: what fails is tried again after the
 * others, and what never succeeds is an error naming its file, line and the engine's message.
 */
final class Calculated {
  private Calculated() {}

  /** Adds each calculated table's rows to {@code done}. */
  static void tables(Model def, Map<String, Table> done, Map<String, String> where) {
    List<Table> pending =
        new ArrayList<>(def.tables().stream().filter(t -> t.expression() != null).toList());
    while (!pending.isEmpty()) {
      String failure = null;
      Table failed = null;
      boolean progress = false;
      // One column store per state of the tables: rebuilt only after a table is added.
      Engine engine = null;
      for (Table t : List.copyOf(pending)) {
        try {
          if (engine == null) {
            engine = engine(def, done);
          }
          Engine.Result r = engine.calculatedTable(t.expression());
          done.put(key(t.name()), table(t, r));
          pending.remove(t);
          progress = true;
          engine = null;
        } catch (DaxException e) {
          if (failed == null) {
            failed = t;
            failure = e.getMessage();
          }
        }
      }
      if (!progress) {
        throw new ModelFileException(
            where.getOrDefault(ModelReader.key(failed.name(), null), failed.name()),
            "the calculated table '" + failed.name() + "' cannot be evaluated: " + failure);
      }
    }
  }

  /** Adds each calculated column's values to its table in {@code done}, in declared order. */
  static void columns(Model def, Map<String, Table> done, Map<String, String> where) {
    Map<String, List<Column>> pending = new LinkedHashMap<>();
    for (Table t : def.tables()) {
      List<Column> calc = t.columns().stream().filter(Column::calculated).toList();
      if (!calc.isEmpty()) {
        pending.put(t.name(), new ArrayList<>(calc));
      }
    }
    while (!pending.isEmpty()) {
      Engine engine = engine(def, done);
      Map<String, List<Object[]>> computed = new LinkedHashMap<>();
      Map<String, List<Column>> columns = new LinkedHashMap<>();
      String failure = null;
      String failedAt = null;
      for (Map.Entry<String, List<Column>> e : pending.entrySet()) {
        for (Column c : List.copyOf(e.getValue())) {
          try {
            Object[] values = engine.columnValues(e.getKey(), c.expression());
            computed.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(values);
            columns
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(c.dataType() != null ? c : c.withDataType(infer(values)));
            e.getValue().remove(c);
          } catch (DaxException x) {
            if (failure == null) {
              failure =
                  "the calculated column '"
                      + e.getKey()
                      + "'["
                      + c.name()
                      + "] cannot be evaluated: "
                      + x.getMessage();
              failedAt = where.getOrDefault(ModelReader.key(e.getKey(), c.name()), e.getKey());
            }
          }
        }
      }
      if (computed.isEmpty()) {
        throw new ModelFileException(failedAt, failure);
      }
      computed.forEach(
          (table, values) ->
              done.put(key(table), append(done.get(key(table)), columns.get(table), values)));
      pending.values().removeIf(List::isEmpty);
    }
    // Columns in the order the definition declares them.
    for (Table t : def.tables()) {
      Table now = done.get(key(t.name()));
      done.put(key(t.name()), reorder(t, now));
    }
  }

  /** An engine over the tables loaded so far and the relationships between them. */
  private static Engine engine(Model def, Map<String, Table> done) {
    List<Table> tables =
        def.tables().stream().map(t -> done.get(key(t.name()))).filter(t -> t != null).toList();
    List<Model.Relationship> rels =
        def.relationships().stream()
            .filter(
                r ->
                    has(done, r.fromTable(), r.fromColumn())
                        && has(done, r.toTable(), r.toColumn()))
            .toList();
    String dateTable =
        def.dateTable() != null && done.containsKey(key(def.dateTable())) ? def.dateTable() : null;
    return Engine.of(new Model(tables, def.measures(), rels, dateTable, List.of()));
  }

  private static boolean has(Map<String, Table> done, String table, String column) {
    Table t = done.get(key(table));
    return t != null && t.columnIndex(column) >= 0;
  }

  /** A calculated table's rows, its declared columns matched to the result's by source column. */
  private static Table table(Table t, Engine.Result r) {
    List<Column> declared = t.columns().stream().filter(c -> !c.calculated()).toList();
    List<Column> cols = new ArrayList<>();
    int[] from;
    if (declared.isEmpty()) {
      from = new int[r.columns().size()];
      for (int i = 0; i < from.length; i++) {
        from[i] = i;
        cols.add(Column.of(bare(r.columns().get(i)), null));
      }
    } else {
      from = new int[declared.size()];
      for (int i = 0; i < declared.size(); i++) {
        Column c = declared.get(i);
        String want = bare(c.sourceColumn() != null ? c.sourceColumn() : c.name());
        from[i] = -1;
        for (int j = 0; j < r.columns().size(); j++) {
          if (bare(r.columns().get(j)).equalsIgnoreCase(want)) {
            from[i] = j;
          }
        }
        if (from[i] < 0) {
          throw new DaxException(
              "its result has no column ["
                  + want
                  + "] for the column '"
                  + c.name()
                  + "'; it has "
                  + String.join(", ", r.columns())
                  + ".");
        }
        cols.add(c);
      }
    }
    List<Object[]> rows = project(r.rows(), from);
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).dataType() == null) {
        int col = i;
        cols.set(i, cols.get(i).withDataType(infer(rows.stream().map(x -> x[col]).toArray())));
      }
    }
    return t.with(cols, rows);
  }

  /** {@code 'T'[C]}, {@code T[C]} or {@code [C]}: the column's own name. */
  private static String bare(String name) {
    int open = name.lastIndexOf('[');
    int close = name.lastIndexOf(']');
    return open >= 0 && close > open ? name.substring(open + 1, close) : name;
  }

  private static Table append(Table t, List<Column> added, List<Object[]> values) {
    List<Column> cols = new ArrayList<>(t.columns());
    cols.addAll(added);
    int width = t.columns().size();
    List<Object[]> rows = new ArrayList<>(t.rows().size());
    for (int r = 0; r < t.rows().size(); r++) {
      Object[] row = java.util.Arrays.copyOf(t.rows().get(r), cols.size());
      for (int k = 0; k < added.size(); k++) {
        row[width + k] = values.get(k)[r];
      }
      rows.add(row);
    }
    return t.with(cols, rows);
  }

  private static Table reorder(Table def, Table now) {
    List<String> order = def.columns().stream().map(Column::name).toList();
    if (order.isEmpty() || now.columns().stream().map(Column::name).toList().equals(order)) {
      return now;
    }
    int[] from = order.stream().mapToInt(now::columnIndex).toArray();
    List<Column> cols = new ArrayList<>();
    for (int i : from) {
      cols.add(now.columns().get(i));
    }
    return now.with(cols, project(now.rows(), from));
  }

  /** Each row's values at {@code from}'s positions, in that order. */
  static List<Object[]> project(List<Object[]> rows, int[] from) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] src : rows) {
      Object[] row = new Object[from.length];
      for (int i = 0; i < from.length; i++) {
        row[i] = src[from[i]];
      }
      out.add(row);
    }
    return out;
  }

  /** The data type of evaluated values: the narrowest that holds them all. */
  private static String infer(Object[] values) {
    String type = null;
    for (Object v : values) {
      String t =
          v == null
              ? null
              : v instanceof Long
                  ? "Int64"
                  : v instanceof Number
                      ? "Double"
                      : v instanceof LocalDateTime
                          ? "DateTime"
                          : v instanceof Boolean ? "Boolean" : "String";
      if (t == null || t.equals(type)) {
        continue;
      }
      type = type == null ? t : (isNumber(type) && isNumber(t)) ? "Double" : "String";
    }
    return type == null ? "String" : type;
  }

  private static boolean isNumber(String t) {
    return t.equals("Int64") || t.equals("Double");
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }
}
