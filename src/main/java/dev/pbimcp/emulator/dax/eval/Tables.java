package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Table functions: FILTER, ALL, VALUES, DISTINCT, ADDCOLUMNS, SELECTCOLUMNS, TOPN, ROW, … */
final class Tables {
  private Tables() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "FILTER",
        (ev, c, env) -> {
          arity(c, 2, 2);
          Relation r = ev.table(arg(c, 0), env);
          List<Integer> kept = new ArrayList<>();
          for (int i = 0; i < r.size(); i++) {
            if (Values.truthy(ev.scalar(arg(c, 1), env.withRow(r, i)))) {
              kept.add(i);
            }
          }
          return subset(r, kept);
        });
    m.put("ALL", (ev, c, env) -> all(ev, c, env, true));
    m.put("ALLNOBLANKROW", (ev, c, env) -> all(ev, c, env, false));
    m.put("REMOVEFILTERS", (ev, c, env) -> all(ev, c, env, true));
    m.put("ALLCROSSFILTERED", (ev, c, env) -> all(ev, c, env, true));
    m.put(
        "ALLEXCEPT",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          TableStore t = ev.tableStore(arg(c, 0));
          java.util.Set<ColumnStore> cols = env.fc().expandedColumns(t);
          c.args().subList(1, c.args().size()).forEach(a -> cols.remove(ev.column(a)));
          return Relation.Base.of(t, env.fc().without(cols).rows(t));
        });
    m.put("VALUES", (ev, c, env) -> values(ev, c, env, true));
    m.put("DISTINCT", (ev, c, env) -> values(ev, c, env, false));
    m.put("TOPN", Ranking::topN);
    m.put("ADDCOLUMNS", Tables::addColumns);
    m.put("SELECTCOLUMNS", Tables::selectColumns);
    m.put(
        "ROW",
        (ev, c, env) -> {
          if (c.args().isEmpty() || c.args().size() % 2 != 0) {
            throw Values.error(c, "ROW needs pairs of a name and an expression.");
          }
          Relation.Shape s = new Relation.Shape();
          Object[] values = new Object[c.args().size() / 2];
          for (int k = 0; k < c.args().size(); k += 2) {
            s.add("[" + name(ev, c, k, env) + "]", null);
            values[k / 2] = ev.scalar(arg(c, k + 1), env);
          }
          List<Object[]> rows = new ArrayList<>();
          rows.add(values);
          return s.rows(rows);
        });
    m.put("DATATABLE", Tables::dataTable);
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
    m.put(
        "CURRENTGROUP",
        (ev, c, env) -> {
          if (env.group() == null) {
            throw Values.error(c, "CURRENTGROUP can be used only inside GROUPBY.");
          }
          return env.group();
        });
    m.put(
        "RELATEDTABLE",
        (ev, c, env) -> {
          arity(c, 1, 1);
          TableStore t = ev.tableStore(arg(c, 0));
          return Relation.Base.of(t, ev.transition(env).rows(t));
        });
  }

  static String name(Evaluator ev, Node.Call c, int i, Env env) {
    if (!(arg(c, i) instanceof Node.Literal l) || !(l.value() instanceof String s)) {
      throw Values.error(arg(c, i), "A column name in double quotes was expected here.");
    }
    return s;
  }

  static Relation subset(Relation r, List<Integer> rows) {
    if (r.base() != null) {
      int[] ids = new int[rows.size()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = r.baseRow(rows.get(k));
      }
      return new Relation.Base(r.base(), ids);
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (int i : rows) {
      out.add(r.row(i));
    }
    return new Relation.Shape().addAll(r).rows(out);
  }

  /** The distinct values of columns of one table in a filter context. */
  static Relation distinct(List<ColumnStore> cols, FilterContext fc, boolean blankRow) {
    TableStore t = cols.get(0).table();
    BitSet rows = fc.rows(t);
    Relation.Shape s = new Relation.Shape();
    cols.forEach(c -> s.add(c.qualified(), c));
    List<Object[]> out = new ArrayList<>();
    if (cols.size() == 1) {
      ColumnStore col = cols.get(0);
      BitSet seen = new BitSet();
      for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
        seen.set(col.id(r));
      }
      if (blankRow && fc.blankRowVisible(t)) {
        seen.set(0);
      }
      for (int id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
        out.add(new Object[] {col.valueOf(id)});
      }
      return s.rows(out);
    }
    Set<List<Object>> seen = new LinkedHashSet<>();
    for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
      List<Object> key = new ArrayList<>(cols.size());
      for (ColumnStore c : cols) {
        key.add(c.id(r));
      }
      if (seen.add(key)) {
        Object[] row = new Object[cols.size()];
        for (int k = 0; k < row.length; k++) {
          row[k] = cols.get(k).value(r);
        }
        out.add(row);
      }
    }
    if (blankRow && fc.blankRowVisible(t)) {
      out.add(new Object[cols.size()]);
    }
    return s.rows(out);
  }

  static List<ColumnStore> columns(Evaluator ev, List<Node> args) {
    List<ColumnStore> cols = new ArrayList<>();
    for (Node a : args) {
      ColumnStore c = ev.column(a);
      if (!cols.isEmpty() && c.table() != cols.get(0).table()) {
        throw Values.error(a, "All column arguments must come from the same table.");
      }
      cols.add(c);
    }
    return cols;
  }

  private static Relation all(Evaluator ev, Node.Call c, Env env, boolean blankRow) {
    if (c.args().isEmpty()) {
      throw Values.error(
          c, c.function() + "() without arguments can be used only as a CALCULATE filter.");
    }
    if (c.args().size() == 1 && !(arg(c, 0) instanceof Node.ColumnRef)) {
      TableStore t = ev.tableStore(arg(c, 0));
      return Relation.Base.of(t, env.fc().unfiltered().rows(t));
    }
    return distinct(columns(ev, c.args()), env.fc().unfiltered(), blankRow);
  }

  private static Relation values(Evaluator ev, Node.Call c, Env env, boolean blankRow) {
    arity(c, 1, 1);
    Node a = arg(c, 0);
    if (a instanceof Node.ColumnRef) {
      return distinct(List.of(ev.column(a)), env.fc(), blankRow);
    }
    Relation r = ev.table(a, env);
    return r.base() != null ? r : SetTables.distinctRows(r);
  }

  private static Relation addColumns(Evaluator ev, Node.Call c, Env env) {
    if (c.args().size() < 3 || c.args().size() % 2 == 0) {
      throw Values.error(c, "ADDCOLUMNS needs a table and pairs of a name and an expression.");
    }
    Relation r = ev.table(arg(c, 0), env);
    Relation.Shape s = new Relation.Shape().addAll(r);
    for (int k = 1; k < c.args().size(); k += 2) {
      s.add("[" + name(ev, c, k, env) + "]", null);
    }
    List<Object[]> out = new ArrayList<>(r.size());
    int extra = (c.args().size() - 1) / 2;
    for (int i = 0; i < r.size(); i++) {
      Object[] row = java.util.Arrays.copyOf(r.row(i), r.width() + extra);
      Env e = env.withRow(r, i);
      for (int k = 0; k < extra; k++) {
        row[r.width() + k] = ev.scalar(arg(c, 2 + 2 * k), e);
      }
      out.add(row);
    }
    return s.rows(out);
  }

  private static Relation selectColumns(Evaluator ev, Node.Call c, Env env) {
    if (c.args().size() < 2) {
      throw Values.error(c, "SELECTCOLUMNS needs a table and pairs of a name and an expression.");
    }
    Relation r = ev.table(arg(c, 0), env);
    Relation.Shape s = new Relation.Shape();
    List<Node> exprs = new ArrayList<>();
    for (int k = 1; k < c.args().size(); k++) {
      Node a = arg(c, k);
      if (a instanceof Node.ColumnRef col
          && (k + 1 >= c.args().size() || !(arg(c, k) instanceof Node.Literal))) {
        ColumnStore lineage = ev.column(col);
        s.add(lineage.qualified(), lineage);
        exprs.add(a);
        continue;
      }
      String n = name(ev, c, k, env);
      if (k + 1 >= c.args().size()) {
        throw Values.error(a, "The column \"" + n + "\" of SELECTCOLUMNS needs an expression.");
      }
      Node e = arg(c, ++k);
      s.add("[" + n + "]", e instanceof Node.ColumnRef col ? ev.column(col) : null);
      exprs.add(e);
    }
    List<Object[]> out = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      Object[] row = new Object[exprs.size()];
      Env e = env.withRow(r, i);
      for (int k = 0; k < row.length; k++) {
        row[k] = ev.scalar(exprs.get(k), e);
      }
      out.add(row);
    }
    return s.rows(out);
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
      s.add("[" + name(ev, c, k, env) + "]", null);
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
