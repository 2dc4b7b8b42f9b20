package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tables written in the query itself: ROW, DATATABLE, GENERATESERIES and {@code { … }}. */
final class LiteralTables {
  private LiteralTables() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "ROW",
        (ev, c, env) -> {
          if (c.args().isEmpty() || c.args().size() % 2 != 0) {
            throw Values.error(c, "ROW needs pairs of a name and an expression.");
          }
          Relation.Shape s = new Relation.Shape();
          Object[] values = new Object[c.args().size() / 2];
          for (int k = 0; k < c.args().size(); k += 2) {
            s.add("[" + Tables.name(ev, c, k, env) + "]", null);
            values[k / 2] = ev.scalar(arg(c, k + 1), env);
          }
          List<Object[]> rows = new ArrayList<>();
          rows.add(values);
          return s.rows(rows);
        });
    m.put("DATATABLE", LiteralTables::dataTable);
    m.put(
        "GENERATESERIES",
        (ev, c, env) -> {
          arity(c, 2, 3);
          Object start = ev.scalar(arg(c, 0), env);
          Object end = ev.scalar(arg(c, 1), env);
          Object step = c.args().size() == 3 ? ev.scalar(arg(c, 2), env) : 1L;
          List<Object[]> rows = new ArrayList<>();
          Object v = start;
          for (int guard = 0; Values.compare(v, end, c) <= 0 && guard < 1_000_000; guard++) {
            rows.add(new Object[] {v});
            v = Values.arithmetic("+", v, step, c);
          }
          return new Relation.Shape().add("[Value]", null).rows(rows);
        });
  }

  static Relation constructor(Evaluator ev, Node.TableCtor t, Env env) {
    int width = t.rows().isEmpty() ? 1 : t.rows().get(0).size();
    Relation.Shape s = new Relation.Shape();
    for (int k = 0; k < width; k++) {
      s.add(width == 1 ? "[Value]" : "[Value" + (k + 1) + "]", null);
    }
    List<Object[]> out = new ArrayList<>();
    for (List<Node> row : t.rows()) {
      if (row.size() != width) {
        throw Values.error(t, "Every row of a table constructor needs the same number of values.");
      }
      Object[] values = new Object[width];
      for (int k = 0; k < width; k++) {
        values[k] = ev.scalar(row.get(k), env);
      }
      out.add(values);
    }
    return s.rows(out);
  }

  private static Relation dataTable(Evaluator ev, Node.Call c, Env env) {
    int n = c.args().size();
    if (n < 3 || n % 2 == 0 || !(arg(c, n - 1) instanceof Node.TableCtor data)) {
      throw Values.error(
          c, "DATATABLE needs pairs of a column name and a type, then the rows in braces.");
    }
    Relation.Shape s = new Relation.Shape();
    List<String> types = new ArrayList<>();
    for (int k = 0; k < n - 1; k += 2) {
      s.add("[" + Tables.name(ev, c, k, env) + "]", null);
      types.add(arg(c, k + 1) instanceof Node.Ident id ? id.name().toUpperCase() : "STRING");
    }
    List<Object[]> out = new ArrayList<>();
    for (List<Node> row : data.rows()) {
      List<Node> cells =
          row.size() == 1 && row.get(0) instanceof Node.TableCtor inner
              ? inner.rows().stream().map(x -> x.get(0)).toList()
              : row;
      if (cells.size() != types.size()) {
        throw Values.error(data, "Every row of DATATABLE needs " + types.size() + " values.");
      }
      Object[] values = new Object[cells.size()];
      for (int k = 0; k < values.length; k++) {
        Object v = ev.scalar(cells.get(k), env);
        values[k] =
            v == null
                ? null
                : switch (types.get(k)) {
                  case "INTEGER" -> (Object) (long) Values.dbl(v, cells.get(k));
                  case "DOUBLE", "CURRENCY", "DECIMAL" -> Values.dbl(v, cells.get(k));
                  case "BOOLEAN" -> Values.truthy(v);
                  case "DATETIME" ->
                      v instanceof String str ? Dates.parseText(str, cells.get(k)) : v;
                  default -> Values.text(v);
                };
      }
      out.add(values);
    }
    return s.rows(out);
  }
}
