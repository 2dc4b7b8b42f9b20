package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over a column in the filter context (SUM, MIN, COUNTROWS, …) and iterators over a
 * table (SUMX, AVERAGEX, COUNTX, CONCATENATEX, RANKX, …). Column aggregates are memoised per filter
 * context, and answered from a one-pass grouped aggregation inside SUMMARIZECOLUMNS.
 */
final class Aggregates {
  private Aggregates() {}

  static void register(Map<String, Fn> m) {
    for (String kind :
        List.of(
            "SUM",
            "AVERAGE",
            "MIN",
            "MAX",
            "COUNT",
            "COUNTA",
            "COUNTBLANK",
            "DISTINCTCOUNT",
            "DISTINCTCOUNTNOBLANK")) {
      m.put(kind, (ev, c, env) -> column(ev, c, env, kind));
    }
    m.put(
        "COUNTROWS",
        (ev, c, env) -> {
          arity(c, 0, 1);
          if (c.args().isEmpty()) {
            throw Values.error(c, "COUNTROWS needs a table.");
          }
          Node a = arg(c, 0);
          if (a instanceof Node.Ident id
              && ev.store().table(id.name()) != null
              && !isVar(env, id)) {
            return aggregate(ev, "COUNTROWS", null, ev.store().table(id.name()), env.fc());
          }
          Relation r = ev.table(a, env);
          return r.size() == 0 ? null : (Object) (long) r.size();
        });
    m.put("SUMX", (ev, c, env) -> iterate(ev, c, env, "SUM"));
    m.put("AVERAGEX", (ev, c, env) -> iterate(ev, c, env, "AVERAGE"));
    m.put("MINX", (ev, c, env) -> iterate(ev, c, env, "MIN"));
    m.put("MAXX", (ev, c, env) -> iterate(ev, c, env, "MAX"));
    m.put("COUNTX", (ev, c, env) -> iterate(ev, c, env, "COUNT"));
    m.put("COUNTAX", (ev, c, env) -> iterate(ev, c, env, "COUNT"));
    m.put("PRODUCTX", (ev, c, env) -> iterate(ev, c, env, "PRODUCT"));
    m.put("CONCATENATEX", Aggregates::concatenateX);
    m.put("RANKX", Ranking::rankX);
  }

  private static boolean isVar(Env env, Node.Ident id) {
    return !id.quoted() && env.vars() != null && env.vars().has(id.name());
  }

  private static Object column(Evaluator ev, Node.Call c, Env env, String kind) {
    if ((kind.equals("MIN") || kind.equals("MAX")) && c.args().size() == 2) {
      Object a = ev.scalar(arg(c, 0), env);
      Object b = ev.scalar(arg(c, 1), env);
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      int cmp = Values.compare(a, b, c);
      return kind.equals("MIN") ? (cmp <= 0 ? a : b) : (cmp >= 0 ? a : b);
    }
    arity(c, 1, 1);
    if (!(arg(c, 0) instanceof Node.ColumnRef)) {
      if (arg(c, 0) instanceof Node.Ident || arg(c, 0) instanceof Node.Call) {
        throw Values.error(
            c,
            "The function "
                + kind
                + " takes a column reference, not a table; use "
                + kind
                + "X for an expression over a table.");
      }
      throw Values.error(c, "The function " + kind + " takes a column reference as its argument.");
    }
    ColumnStore col = ev.column(arg(c, 0));
    return aggregate(ev, kind, col, col.table(), env.fc());
  }

  /** One aggregate of a column (or, with a null column, of a table's rows) in a filter context. */
  static Object aggregate(
      Evaluator ev, String kind, ColumnStore col, TableStore t, FilterContext fc) {
    if (fc.mark() instanceof Summaries.GroupMark gm) {
      Object[] all = gm.spec().aggregate(kind, col, t);
      if (all != null) {
        return all[gm.group()];
      }
    }
    return ev.memo(
        List.of(kind, t, col == null ? t : col, fc),
        () -> {
          Object viaDimension = DimensionPartials.aggregate(ev, kind, col, t, fc);
          return viaDimension != DimensionPartials.NOT_APPLICABLE
              ? viaDimension
              : Accumulate.run(kind, col, fc.rows(t), null, 1)[0];
        });
  }

  private static Object iterate(Evaluator ev, Node.Call c, Env env, String kind) {
    arity(c, 2, 2);
    Relation r = ev.table(arg(c, 0), env);
    Node expr = arg(c, 1);
    long n = 0;
    boolean integral = true;
    long longSum = 0;
    double sum = 0;
    double product = 1;
    Object best = null;
    for (int i = 0; i < r.size(); i++) {
      Object v = ev.scalar(expr, env.withRow(r, i));
      if (v == null) {
        continue;
      }
      if (kind.equals("MIN") || kind.equals("MAX")) {
        if (best == null
            || (kind.equals("MAX") ? Values.order(v, best) > 0 : Values.order(v, best) < 0)) {
          best = v;
        }
        n++;
        continue;
      }
      if (kind.equals("COUNT")) {
        n++;
        continue;
      }
      Number x = Values.number(v, expr);
      n++;
      if (x instanceof Long l && integral) {
        longSum += l;
      } else {
        if (integral) {
          sum = longSum;
          integral = false;
        }
        sum += x.doubleValue();
      }
      product *= x.doubleValue();
    }
    if (n == 0) {
      return null;
    }
    double total = integral ? longSum : sum;
    return switch (kind) {
      case "SUM" -> integral ? (Object) longSum : (Object) sum;
      case "AVERAGE" -> total / n;
      case "COUNT" -> n;
      case "PRODUCT" -> product;
      default -> best;
    };
  }

  private static Object concatenateX(Evaluator ev, Node.Call c, Env env) {
    arity(c, 2, Integer.MAX_VALUE);
    Relation r = ev.table(arg(c, 0), env);
    String delimiter = c.args().size() > 2 ? Values.text(ev.scalar(arg(c, 2), env)) : "";
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      order.add(i);
    }
    if (c.args().size() > 3) {
      order = Ranking.sorted(ev, r, c.args().subList(3, c.args().size()), env, true);
    }
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (int i : order) {
      if (!first) {
        b.append(delimiter);
      }
      b.append(Values.text(ev.scalar(arg(c, 1), env.withRow(r, i))));
      first = false;
    }
    return b.toString();
  }
}
