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

/**
 * Table functions over the model: FILTER, ALL, VALUES, DISTINCT, ADDCOLUMNS, SELECTCOLUMNS, TOPN, …
 * (tables written in the query itself are {@link LiteralTables}).
 */
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
}
