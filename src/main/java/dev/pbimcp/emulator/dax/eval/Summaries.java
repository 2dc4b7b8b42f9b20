package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SUMMARIZECOLUMNS (filter tables, auto-exist within a table, rows whose expressions are all blank
 * dropped, ROLLUPADDISSUBTOTAL), SUMMARIZE and GROUPBY.
 */
final class Summaries {
  private Summaries() {}

  /** The mark a group's filter context carries: which group of which level. */
  record GroupMark(GroupSpec spec, int group, List<ColumnStore> inScope) {}

  record Measure(String name, Node expression, boolean ignored) {}

  static void register(Map<String, Fn> m) {
    m.put("SUMMARIZECOLUMNS", Summaries::summarizeColumns);
    m.put("SUMMARIZE", Summaries::summarize);
    m.put("GROUPBY", Summaries::groupBy);
    m.put(
        "ROLLUPADDISSUBTOTAL",
        (ev, c, env) -> {
          throw Values.error(c, "ROLLUPADDISSUBTOTAL can be used only inside SUMMARIZECOLUMNS.");
        });
    m.put("IGNORE", (ev, c, env) -> ev.eval(arg(c, 0), env));
    m.put(
        "ROLLUPGROUP",
        (ev, c, env) -> {
          throw Values.error(c, "ROLLUPGROUP can be used only inside SUMMARIZECOLUMNS.");
        });
  }

  private static Object summarizeColumns(Evaluator ev, Node.Call c, Env env) {
    List<ColumnStore> groupBy = new ArrayList<>();
    List<ColumnStore> rollup = new ArrayList<>();
    List<String> rollupNames = new ArrayList<>();
    List<Node> filters = new ArrayList<>();
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      Node a = arg(c, i);
      if (a instanceof Node.ColumnRef) {
        groupBy.add(ev.column(a));
      } else if (a instanceof Node.Call r && r.function().equals("ROLLUPADDISSUBTOTAL")) {
        for (int k = 0; k < r.args().size(); k++) {
          if (r.args().get(k) instanceof Node.ColumnRef) {
            ColumnStore col = ev.column(r.args().get(k));
            groupBy.add(col);
            rollup.add(col);
            rollupNames.add("[" + Tables.name(ev, r, ++k, env) + "]");
          } else {
            filters.add(r.args().get(k));
          }
        }
      } else if (a instanceof Node.Call r && r.function().equals("ROLLUPGROUP")) {
        r.args().forEach(x -> groupBy.add(ev.column(x)));
      } else if (a instanceof Node.Literal l && l.value() instanceof String name) {
        if (i + 1 >= c.args().size()) {
          throw Values.error(
              a, "The column \"" + name + "\" of SUMMARIZECOLUMNS needs an expression.");
        }
        Node e = arg(c, ++i);
        boolean ignored = e instanceof Node.Call ig && ig.function().equals("IGNORE");
        measures.add(new Measure(name, ignored ? ((Node.Call) e).args().get(0) : e, ignored));
      } else {
        filters.add(a);
      }
    }
    FilterContext fc = Calculate.context(ev, filters, env, false);
    fc = fc.withSelected(fc);
    List<Object[]> tuples = groups(groupBy, fc);
    Relation.Shape shape = new Relation.Shape();
    groupBy.forEach(g -> shape.add(g.qualified(), g));
    rollupNames.forEach(n -> shape.add(n, null));
    measures.forEach(x -> shape.add("[" + x.name() + "]", null));
    List<Object[]> out = new ArrayList<>();
    for (int level = 0; level <= rollup.size(); level++) {
      List<ColumnStore> kept = new ArrayList<>(groupBy);
      kept.removeAll(rollup.subList(rollup.size() - level, rollup.size()));
      level(ev, env, fc, groupBy, kept, tuples, measures, rollup, out);
    }
    return shape.rows(out);
  }

  private static void level(
      Evaluator ev,
      Env env,
      FilterContext fc,
      List<ColumnStore> groupBy,
      List<ColumnStore> kept,
      List<Object[]> tuples,
      List<Measure> measures,
      List<ColumnStore> rollup,
      List<Object[]> out) {
    Map<List<Object>, int[]> distinct = new LinkedHashMap<>();
    for (Object[] t : tuples) {
      int[] ids = new int[kept.size()];
      List<Object> key = new ArrayList<>();
      for (int k = 0; k < ids.length; k++) {
        ids[k] = kept.get(k).idOf(t[groupBy.indexOf(kept.get(k))]);
        key.add(ids[k]);
      }
      distinct.putIfAbsent(key, ids);
    }
    if (tuples.isEmpty() && kept.isEmpty() && !measures.isEmpty()) {
      distinct.put(List.of(), new int[0]);
    }
    List<int[]> ids = new ArrayList<>(distinct.values());
    GroupSpec spec = new GroupSpec(fc, kept, ids);
    for (int g = 0; g < ids.size(); g++) {
      FilterContext gc = fc;
      for (int k = 0; k < kept.size(); k++) {
        BitSet one = new BitSet();
        one.set(Math.max(0, ids.get(g)[k]));
        gc = gc.with(new Filter.Column(kept.get(k), one));
      }
      gc = gc.withSelected(fc).withMark(new GroupMark(spec, g, kept));
      Env ge = new Env(gc, null, env.vars(), null);
      Object[] row = new Object[groupBy.size() + rollup.size() + measures.size()];
      for (int k = 0; k < kept.size(); k++) {
        row[groupBy.indexOf(kept.get(k))] = kept.get(k).valueOf(ids.get(g)[k]);
      }
      for (int k = 0; k < rollup.size(); k++) {
        row[groupBy.size() + k] = !kept.contains(rollup.get(k));
      }
      boolean any = measures.isEmpty();
      for (int k = 0; k < measures.size(); k++) {
        Object v = ev.scalar(measures.get(k).expression(), ge);
        row[groupBy.size() + rollup.size() + k] = v;
        any |= v != null && !measures.get(k).ignored();
      }
      if (any) {
        out.add(row);
      }
    }
  }

  /** Existing combinations within each table, crossed between tables, in value order. */
  private static List<Object[]> groups(List<ColumnStore> groupBy, FilterContext fc) {
    Map<TableStore, List<ColumnStore>> byTable = new LinkedHashMap<>();
    groupBy.forEach(g -> byTable.computeIfAbsent(g.table(), t -> new ArrayList<>()).add(g));
    List<Object[]> tuples = new ArrayList<>();
    tuples.add(new Object[groupBy.size()]);
    for (List<ColumnStore> cols : byTable.values()) {
      Relation values = Tables.distinct(cols, fc, true);
      List<Object[]> next = new ArrayList<>();
      for (Object[] t : tuples) {
        for (int i = 0; i < values.size(); i++) {
          Object[] x = t.clone();
          for (int k = 0; k < cols.size(); k++) {
            x[groupBy.indexOf(cols.get(k))] = values.get(i, k);
          }
          next.add(x);
        }
      }
      tuples = next;
    }
    if (groupBy.isEmpty()) {
      return List.of();
    }
    tuples.sort(
        (a, b) -> {
          for (int k = 0; k < a.length; k++) {
            int cmp = Values.order(a[k], b[k]);
            if (cmp != 0) {
              return cmp;
            }
          }
          return 0;
        });
    return tuples;
  }

  /** SUMMARIZE and GROUPBY's arguments: a table, grouping columns, then names and expressions. */
  private record Grouped(
      Relation source,
      List<ColumnStore> by,
      Grouping grouping,
      Relation.Shape shape,
      List<Node> exprs) {
    static Grouped of(Evaluator ev, Node.Call c, Env env) {
      arity(c, 1, Integer.MAX_VALUE);
      Relation source = ev.table(arg(c, 0), env);
      int i = 1;
      List<ColumnStore> by = new ArrayList<>();
      while (i < c.args().size() && arg(c, i) instanceof Node.ColumnRef) {
        by.add(ev.column(arg(c, i++)));
      }
      Relation.Shape shape = new Relation.Shape();
      by.forEach(g -> shape.add(g.qualified(), g));
      List<Node> exprs = new ArrayList<>();
      for (; i < c.args().size(); i += 2) {
        shape.add("[" + Tables.name(ev, c, i, env) + "]", null);
        if (i + 1 >= c.args().size()) {
          throw Values.error(arg(c, i), c.function() + " needs an expression after each name.");
        }
        exprs.add(arg(c, i + 1));
      }
      return new Grouped(source, by, Grouping.of(ev, source, by, env, c), shape, exprs);
    }

    /** Each group's row: its key, then each expression evaluated where {@code envOf} says. */
    Relation rows(Evaluator ev, java.util.function.IntFunction<Env> envOf) {
      List<Object[]> out = new ArrayList<>();
      for (int g = 0; g < grouping.keys().size(); g++) {
        Object[] row = java.util.Arrays.copyOf(grouping.keys().get(g), by.size() + exprs.size());
        Env ge = envOf.apply(g);
        for (int k = 0; k < exprs.size(); k++) {
          row[by.size() + k] = ev.scalar(exprs.get(k), ge);
        }
        out.add(row);
      }
      return shape.rows(out);
    }
  }

  /** SUMMARIZE(table, groupBy…, name, expr…): expressions see the group's rows as a filter. */
  private static Object summarize(Evaluator ev, Node.Call c, Env env) {
    Grouped s = Grouped.of(ev, c, env);
    return s.rows(
        ev,
        g -> {
          List<Integer> members = s.grouping().members().get(g);
          Filter f;
          if (s.source().base() != null) {
            BitSet rows = new BitSet();
            members.forEach(r -> rows.set(s.source().baseRow(r)));
            f = new Filter.Rows(s.source().base(), rows);
          } else {
            f = Calculate.fromRelation(Tables.subset(s.source(), members));
          }
          return new Env(f == null ? env.fc() : env.fc().with(f), null, env.vars(), null);
        });
  }

  /** GROUPBY(table, groupBy…, name, expr over CURRENTGROUP()…). */
  private static Object groupBy(Evaluator ev, Node.Call c, Env env) {
    Grouped s = Grouped.of(ev, c, env);
    return s.rows(ev, g -> env.withGroup(Tables.subset(s.source(), s.grouping().members().get(g))));
  }
}
