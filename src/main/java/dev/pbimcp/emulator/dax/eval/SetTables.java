package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Set operations and joins: UNION, INTERSECT, EXCEPT, CROSSJOIN, GENERATE, TREATAS, … */
final class SetTables {
  private SetTables() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "UNION",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          Relation first = ev.table(arg(c, 0), env);
          List<Object[]> rows = new ArrayList<>();
          Relation.Shape s = new Relation.Shape().addAll(first);
          for (Node a : c.args()) {
            Relation r = ev.table(a, env);
            sameWidth(first, r, a);
            for (int i = 0; i < r.size(); i++) {
              rows.add(r.row(i));
            }
            for (int k = 0; k < r.width(); k++) {
              if (s.lineages.get(k) != r.lineage(k)) {
                s.lineages.set(k, null);
              }
            }
          }
          return s.rows(rows);
        });
    m.put("INTERSECT", (ev, c, env) -> keep(ev, c, env, true));
    m.put("EXCEPT", (ev, c, env) -> keep(ev, c, env, false));
    m.put(
        "CROSSJOIN",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          Relation out = ev.table(arg(c, 0), env);
          for (int k = 1; k < c.args().size(); k++) {
            out = cross(out, ev.table(arg(c, k), env), null, false);
          }
          return out;
        });
    m.put("GENERATE", (ev, c, env) -> generate(ev, c, env, false));
    m.put("GENERATEALL", (ev, c, env) -> generate(ev, c, env, true));
    m.put(
        "TREATAS",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          Relation r = ev.table(arg(c, 0), env);
          if (r.width() != c.args().size() - 1) {
            throw Values.error(
                c,
                "TREATAS needs one column for each column of its table: " + r.width() + " here.");
          }
          Relation.Shape s = new Relation.Shape();
          for (int k = 1; k < c.args().size(); k++) {
            ColumnStore col = ev.column(arg(c, k));
            s.add(col.qualified(), col);
          }
          List<Object[]> rows = new ArrayList<>();
          for (int i = 0; i < r.size(); i++) {
            rows.add(r.row(i));
          }
          return s.rows(rows);
        });
    m.put(
        "CONTAINSROW",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          Relation r = ev.table(arg(c, 0), env);
          Object[] probe = new Object[c.args().size() - 1];
          for (int k = 0; k < probe.length; k++) {
            probe[k] = ev.scalar(arg(c, k + 1), env);
          }
          for (int i = 0; i < r.size(); i++) {
            boolean all = true;
            for (int k = 0; all && k < probe.length; k++) {
              all = Values.strictEquals(probe[k], r.get(i, k), c);
            }
            if (all) {
              return true;
            }
          }
          return false;
        });
  }

  private static void sameWidth(Relation a, Relation b, Node at) {
    if (a.width() != b.width()) {
      throw Values.error(at, "Each table argument must have the same number of columns.");
    }
  }

  static List<Object> key(Relation r, int i) {
    List<Object> k = new ArrayList<>(r.width());
    for (int c = 0; c < r.width(); c++) {
      k.add(Values.key(r.get(i, c)));
    }
    return k;
  }

  static Relation distinctRows(Relation r) {
    Map<List<Object>, Object[]> seen = new LinkedHashMap<>();
    for (int i = 0; i < r.size(); i++) {
      seen.putIfAbsent(key(r, i), r.row(i));
    }
    return new Relation.Shape().addAll(r).rows(new ArrayList<>(seen.values()));
  }

  private static Relation keep(Evaluator ev, Node.Call c, Env env, boolean present) {
    arity(c, 2, 2);
    Relation a = ev.table(arg(c, 0), env);
    Relation b = ev.table(arg(c, 1), env);
    sameWidth(a, b, c);
    Set<List<Object>> other = new HashSet<>();
    for (int i = 0; i < b.size(); i++) {
      other.add(key(b, i));
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (other.contains(key(a, i)) == present) {
        kept.add(i);
      }
    }
    return Tables.subset(a, kept);
  }

  /** Every row of {@code a} with every row of {@code b} (or of its own table, for GENERATE). */
  private static Relation cross(Relation a, Relation b, List<Relation> perRow, boolean keepEmpty) {
    Relation.Shape s = new Relation.Shape().addAll(a);
    for (int k = 0; k < b.width(); k++) {
      if (a.indexOf(b.name(k)) >= 0) {
        throw new dev.pbimcp.emulator.dax.DaxException(
            "The column '"
                + b.name(k)
                + "' appears in both tables; rename one with SELECTCOLUMNS.");
      }
      s.add(b.name(k), b.lineage(k));
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Relation right = perRow == null ? b : perRow.get(i);
      Object[] left = a.row(i);
      if (right.size() == 0 && keepEmpty) {
        rows.add(java.util.Arrays.copyOf(left, left.length + b.width()));
      }
      for (int j = 0; j < right.size(); j++) {
        Object[] row = java.util.Arrays.copyOf(left, left.length + b.width());
        System.arraycopy(right.row(j), 0, row, left.length, Math.min(b.width(), right.width()));
        rows.add(row);
      }
    }
    return s.rows(rows);
  }

  private static Relation generate(Evaluator ev, Node.Call c, Env env, boolean keepEmpty) {
    arity(c, 2, 2);
    Relation a = ev.table(arg(c, 0), env);
    List<Relation> perRow = new ArrayList<>();
    Relation shape = null;
    for (int i = 0; i < a.size(); i++) {
      Relation r = ev.table(arg(c, 1), env.withRow(a, i));
      perRow.add(r);
      if (shape == null) {
        shape = r;
      }
    }
    if (shape == null) {
      shape = new Relation.Shape().rows(List.of());
    }
    return cross(a, shape, perRow, keepEmpty);
  }
}
