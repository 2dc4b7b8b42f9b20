package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/** Ordering: TOPN (a bounded heap, ties kept), RANKX (SKIP and DENSE), and sort keys. */
final class Ranking {
  private Ranking() {}

  record Order(Node expression, boolean ascending) {}

  /** Reads {@code expr [, ASC|DESC|0|1], expr …}. */
  static List<Order> orders(List<Node> args, boolean ascendingByDefault) {
    List<Order> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Node e = args.get(i);
      boolean asc = ascendingByDefault;
      if (i + 1 < args.size() && direction(args.get(i + 1)) != null) {
        asc = direction(args.get(++i));
      }
      out.add(new Order(e, asc));
    }
    return out;
  }

  /** ASC/DESC, or 1/0 as TOPN and RANKX accept; null for anything else. */
  static Boolean direction(Node n) {
    if (n instanceof Node.Ident id && !id.quoted()) {
      String s = id.name().toUpperCase(Locale.ROOT);
      if (s.equals("ASC") || s.equals("DESC")) {
        return s.equals("ASC");
      }
    }
    if (n instanceof Node.Literal l && l.value() instanceof Long v && (v == 0 || v == 1)) {
      return v == 1;
    }
    return null;
  }

  static Object[] keys(Evaluator ev, Relation r, int row, List<Order> orders, Env env) {
    Object[] k = new Object[orders.size()];
    Env e = env.withRow(r, row);
    for (int j = 0; j < k.length; j++) {
      k[j] = ev.scalar(orders.get(j).expression(), e);
    }
    return k;
  }

  static Comparator<Object[]> comparator(List<Order> orders) {
    return (a, b) -> {
      for (int j = 0; j < orders.size(); j++) {
        int c = Values.order(a[j], b[j]);
        if (c != 0) {
          return orders.get(j).ascending() ? c : -c;
        }
      }
      return 0;
    };
  }

  static List<Integer> sorted(Evaluator ev, Relation r, List<Node> args, Env env, boolean asc) {
    List<Order> orders = orders(args, asc);
    List<Object[]> keys = new ArrayList<>();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      keys.add(keys(ev, r, i, orders, env));
      idx.add(i);
    }
    Comparator<Object[]> cmp = comparator(orders);
    idx.sort((a, b) -> cmp.compare(keys.get(a), keys.get(b)));
    return idx;
  }

  /** TOPN(n, table, orderBy [, order] …): the first n rows, and every row tied with the n-th. */
  static Relation topN(Evaluator ev, Node.Call c, Env env) {
    arity(c, 2, Integer.MAX_VALUE);
    Object count = ev.scalar(arg(c, 0), env);
    Relation r = ev.table(arg(c, 1), env);
    long n = count == null ? 0 : (long) Values.dbl(count, arg(c, 0));
    if (n <= 0) {
      return Tables.subset(r, List.of());
    }
    if (c.args().size() == 2) {
      List<Integer> first = new ArrayList<>();
      for (int i = 0; i < Math.min(n, r.size()); i++) {
        first.add(i);
      }
      return Tables.subset(r, first);
    }
    List<Order> orders = orders(c.args().subList(2, c.args().size()), false);
    Relation byColumns = ColumnTopN.topN(ev, r, orders, n);
    if (byColumns != null) {
      return byColumns;
    }
    Comparator<Object[]> cmp = comparator(orders);
    Object[][] keys = new Object[r.size()][];
    // The heap's head is the worst of the best n seen so far.
    PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) -> cmp.compare(keys[b], keys[a]));
    for (int i = 0; i < r.size(); i++) {
      keys[i] = keys(ev, r, i, orders, env);
      if (heap.size() < n) {
        heap.add(i);
      } else if (cmp.compare(keys[i], keys[heap.peek()]) < 0) {
        heap.poll();
        heap.add(i);
      }
    }
    if (heap.isEmpty()) {
      return Tables.subset(r, List.of());
    }
    Object[] threshold = keys[heap.peek()];
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (cmp.compare(keys[i], threshold) <= 0) {
        kept.add(i);
      }
    }
    kept.sort((a, b) -> cmp.compare(keys[a], keys[b]));
    return Tables.subset(r, kept);
  }

  /** RANKX(table, expr [, value [, order [, ties]]]). */
  static Object rankX(Evaluator ev, Node.Call c, Env env) {
    arity(c, 2, 5);
    Relation r = ev.table(arg(c, 0), env);
    Node expr = arg(c, 1);
    Object value =
        c.args().size() > 2
                && !(arg(c, 2) instanceof Node.Literal l
                    && l.value() instanceof dev.pbimcp.emulator.dax.syntax.Parser.Omitted)
            ? ev.scalar(arg(c, 2), env)
            : ev.scalar(expr, env);
    boolean asc = c.args().size() > 3 && Boolean.TRUE.equals(direction(arg(c, 3)));
    boolean dense =
        c.args().size() > 4
            && arg(c, 4) instanceof Node.Ident id
            && id.name().equalsIgnoreCase("DENSE");
    List<Object> better = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      Object v = ev.scalar(expr, env.withRow(r, i));
      int cmp = Values.compare(v, value, expr);
      if (asc ? cmp < 0 : cmp > 0) {
        better.add(v);
      }
    }
    if (!dense) {
      return (long) better.size() + 1;
    }
    better.sort(Values::order);
    long distinct = 0;
    Object last = new Object();
    for (Object v : better) {
      if (distinct == 0 || Values.order(v, last) != 0) {
        distinct++;
      }
      last = v;
    }
    return distinct + 1;
  }
}
