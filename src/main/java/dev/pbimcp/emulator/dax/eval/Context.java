package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.RowMap;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.List;
import java.util.Map;

/**
 * Functions that read the contexts: SELECTEDVALUE, HASONEVALUE, ISFILTERED, ISCROSSFILTERED,
 * ISINSCOPE, RELATED, LOOKUPVALUE, ALLSELECTED as a table.
 */
final class Context {
  private Context() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "SELECTEDVALUE",
        (ev, c, env) -> {
          arity(c, 1, 2);
          Relation r = Tables.distinct(List.of(ev.column(arg(c, 0))), env.fc(), true);
          if (r.size() == 1) {
            return r.get(0, 0);
          }
          return c.args().size() == 2 ? ev.scalar(arg(c, 1), env) : null;
        });
    m.put(
        "HASONEVALUE",
        (ev, c, env) -> {
          arity(c, 1, 1);
          return Tables.distinct(List.of(ev.column(arg(c, 0))), env.fc(), true).size() == 1;
        });
    m.put(
        "ISFILTERED",
        (ev, c, env) -> {
          arity(c, 1, 1);
          if (arg(c, 0) instanceof Node.ColumnRef) {
            return env.fc().filters(ev.column(arg(c, 0)));
          }
          return ev.tableStore(arg(c, 0)).columns().stream().anyMatch(env.fc()::filters);
        });
    m.put(
        "ISCROSSFILTERED",
        (ev, c, env) -> {
          arity(c, 1, 1);
          TableStore t =
              arg(c, 0) instanceof Node.ColumnRef
                  ? ev.column(arg(c, 0)).table()
                  : ev.tableStore(arg(c, 0));
          return env.fc().rows(t).cardinality() < t.rowCount()
              || t.columns().stream().anyMatch(env.fc()::filters);
        });
    m.put(
        "ISINSCOPE",
        (ev, c, env) -> {
          arity(c, 1, 1);
          ColumnStore col = ev.column(arg(c, 0));
          if (env.fc().mark() instanceof Summaries.GroupMark gm) {
            return gm.inScope().contains(col);
          }
          return env.fc().filters(col) && Tables.distinct(List.of(col), env.fc(), true).size() == 1;
        });
    m.put("RELATED", Context::related);
    m.put("LOOKUPVALUE", Context::lookupValue);
    m.put(
        "ALLSELECTED",
        (ev, c, env) -> {
          arity(c, 1, Integer.MAX_VALUE);
          if (arg(c, 0) instanceof Node.ColumnRef) {
            return Tables.distinct(Tables.columns(ev, c.args()), env.fc().selected(), true);
          }
          TableStore t = ev.tableStore(arg(c, 0));
          return Relation.Base.of(t, env.fc().selected().rows(t));
        });
  }

  private static Object related(Evaluator ev, Node.Call c, Env env) {
    arity(c, 1, 1);
    ColumnStore col = ev.column(arg(c, 0));
    for (Env.Frame f = env.frame(); f != null; f = f.outer()) {
      Relation r = f.relation();
      int direct = r.indexOf(col);
      if (direct >= 0) {
        return r.get(f.row(), direct);
      }
      if (r.base() != null) {
        RowMap m = ev.store().map(r.base(), col.table(), env.fc().links());
        if (m != null) {
          int row = m.row(r.baseRow(f.row()));
          return row < 0 ? null : col.value(row);
        }
      }
      for (var rel : ev.store().relationships()) {
        int key = r.indexOf(rel.from());
        if (key >= 0 && rel.to().table() == col.table()) {
          return lookup(col, rel.to(), r.get(f.row(), key));
        }
      }
    }
    throw Values.error(
        c,
        "The column '"
            + col.qualified()
            + "' either doesn't exist or doesn't have a relationship to any table available in the current context.");
  }

  private static Object lookup(ColumnStore result, ColumnStore key, Object value) {
    int id = key.idOf(value);
    if (id <= 0) {
      return null;
    }
    for (int r = 0; r < key.table().rowCount(); r++) {
      if (key.id(r) == id) {
        return result.value(r);
      }
    }
    return null;
  }

  private static Object lookupValue(Evaluator ev, Node.Call c, Env env) {
    arity(c, 3, Integer.MAX_VALUE);
    ColumnStore result = ev.column(arg(c, 0));
    int pairs = (c.args().size() - 1) / 2;
    boolean alternate = (c.args().size() - 1) % 2 == 1;
    int[] ids = new int[pairs];
    ColumnStore[] keys = new ColumnStore[pairs];
    for (int k = 0; k < pairs; k++) {
      keys[k] = ev.column(arg(c, 1 + 2 * k));
      ids[k] = keys[k].idOf(ev.scalar(arg(c, 2 + 2 * k), env));
    }
    Object found = null;
    boolean any = false;
    java.util.BitSet visible = env.fc().unfiltered().rows(result.table());
    for (int r = visible.nextSetBit(0); r >= 0; r = visible.nextSetBit(r + 1)) {
      boolean match = true;
      for (int k = 0; k < pairs && match; k++) {
        match = ids[k] >= 0 && keys[k].id(r) == ids[k];
      }
      if (match) {
        Object v = result.value(r);
        if (any && Values.order(v, found) != 0) {
          if (alternate) {
            return ev.scalar(arg(c, c.args().size() - 1), env);
          }
          throw Values.error(
              c, "A table of multiple values was supplied where a single value was expected.");
        }
        found = v;
        any = true;
      }
    }
    return any ? found : alternate ? ev.scalar(arg(c, c.args().size() - 1), env) : null;
  }
}
