package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import dev.pbimcp.emulator.dax.syntax.Query;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** What a query runs: an EVALUATE statement, and the row filters of security roles. */
public final class Statements {
  private Statements() {}

  /** The rows of {@code t} for which {@code predicate} is true (a role's table filter). */
  public static BitSet rowsWhere(Evaluator ev, TableStore t, Node predicate, FilterContext fc) {
    Relation all = Relation.Base.of(t, fc.rows(t));
    Env env = ev.root(fc);
    BitSet out = new BitSet(t.rowCount());
    for (int i = 0; i < all.size(); i++) {
      if (Values.truthy(ev.scalar(predicate, env.withRow(all, i)))) {
        out.set(all.baseRow(i));
      }
    }
    return out;
  }

  /**
   * The value of {@code expression} for every row of {@code t}, in row order: a calculated column,
   * evaluated in the row's context under the filters of {@code fc}.
   */
  public static Object[] valuesPerRow(
      Evaluator ev, TableStore t, Node expression, FilterContext fc) {
    Relation all = Relation.Base.of(t, fc.rows(t));
    Env env = ev.root(fc);
    Object[] out = new Object[t.rowCount()];
    for (int i = 0; i < all.size(); i++) {
      out[all.baseRow(i)] = ev.scalar(expression, env.withRow(all, i));
    }
    return out;
  }

  /** One EVALUATE statement: its table, in ORDER BY order, from START AT on. */
  public static Relation evaluate(Evaluator ev, Query.Evaluate e, FilterContext root) {
    Env env = ev.root(root);
    Relation r = ev.table(e.table(), env);
    if (e.orderBy().isEmpty()) {
      return r;
    }
    List<Ranking.Order> orders =
        e.orderBy().stream().map(k -> new Ranking.Order(k.expression(), k.ascending())).toList();
    Object[][] keys = new Object[r.size()][];
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      keys[i] = Ranking.keys(ev, r, i, orders, env);
      idx.add(i);
    }
    java.util.Comparator<Object[]> cmp = Ranking.comparator(orders);
    idx.sort((a, b) -> cmp.compare(keys[a], keys[b]));
    if (!e.startAt().isEmpty()) {
      Object[] start = new Object[orders.size()];
      for (int k = 0; k < e.startAt().size() && k < start.length; k++) {
        start[k] = ev.scalar(e.startAt().get(k), env);
      }
      List<Ranking.Order> prefix = orders.subList(0, Math.min(orders.size(), e.startAt().size()));
      java.util.Comparator<Object[]> startCmp = Ranking.comparator(prefix);
      idx.removeIf(i -> startCmp.compare(keys[i], start) < 0);
    }
    return Tables.subset(r, idx);
  }
}
