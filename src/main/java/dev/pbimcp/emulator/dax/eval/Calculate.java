package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.RelationshipStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CALCULATE and CALCULATETABLE, in DAX's order: filter arguments are evaluated in the outer
 * context, then the row context becomes filters (context transition), then the modifiers (ALL,
 * REMOVEFILTERS, ALLEXCEPT, ALLSELECTED, USERELATIONSHIP, CROSSFILTER) apply, then the filters,
 * each replacing the filters on its columns unless wrapped in KEEPFILTERS. A filter on the date
 * column of the marked date table first removes every filter on that table.
 */
final class Calculate {
  private static final Set<String> MODIFIERS =
      Set.of(
          "ALL",
          "REMOVEFILTERS",
          "ALLEXCEPT",
          "ALLSELECTED",
          "ALLNOBLANKROW",
          "ALLCROSSFILTERED",
          "USERELATIONSHIP",
          "CROSSFILTER");
  private static final Set<String> PREDICATES =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "ISBLANK",
          "CONTAINSSTRING",
          "CONTAINSSTRINGEXACT",
          "ISNUMBER",
          "ISTEXT");

  private Calculate() {}

  static void register(Map<String, Fn> m) {
    m.put("CALCULATE", (ev, c, env) -> ev.scalar(arg(c, 0), inner(ev, c, env)));
    m.put("CALCULATETABLE", (ev, c, env) -> ev.table(arg(c, 0), inner(ev, c, env)));
    m.put(
        "KEEPFILTERS",
        (ev, c, env) -> {
          arity(c, 1, 1);
          return ev.eval(arg(c, 0), env);
        });
    m.put(
        "USERELATIONSHIP",
        (ev, c, env) -> {
          throw Values.error(c, "USERELATIONSHIP can be used only as a filter of CALCULATE.");
        });
    m.put(
        "CROSSFILTER",
        (ev, c, env) -> {
          throw Values.error(c, "CROSSFILTER can be used only as a filter of CALCULATE.");
        });
  }

  /** Where CALCULATE(TABLE)'s first argument is evaluated: no row context, the new filters. */
  private static Env inner(Evaluator ev, Node.Call c, Env env) {
    arity(c, 1, Integer.MAX_VALUE);
    return new Env(
        context(ev, c.args().subList(1, c.args().size()), env, true), null, env.vars(), null);
  }

  /** The filter context CALCULATE's expression sees. */
  static FilterContext context(Evaluator ev, List<Node> args, Env env, boolean transition) {
    List<UnaryOperator<FilterContext>> modifiers = new ArrayList<>();
    List<Filter> filters = new ArrayList<>();
    List<Boolean> keep = new ArrayList<>();
    for (Node a : args) {
      boolean kept = false;
      Node x = a;
      if (x instanceof Node.Call k && k.function().equals("KEEPFILTERS")) {
        arity(k, 1, 1);
        kept = true;
        x = arg(k, 0);
      }
      if (!kept && x instanceof Node.Call call && MODIFIERS.contains(call.function())) {
        modifiers.add(modifier(ev, call));
        continue;
      }
      Filter f = isPredicate(x) ? predicate(ev, x, env) : fromRelation(ev.table(x, env));
      if (f != null) {
        filters.add(f);
        keep.add(kept);
      }
    }
    FilterContext fc = transition ? ev.transition(env) : env.fc();
    for (UnaryOperator<FilterContext> m : modifiers) {
      fc = m.apply(fc);
    }
    ColumnStore dateKey = ev.store().dateKey();
    for (int i = 0; i < filters.size(); i++) {
      Filter f = filters.get(i);
      if (dateKey != null && f.covers(dateKey)) {
        fc = fc.without(dateKey.table().columns());
      }
      fc = keep.get(i) ? fc.with(f) : fc.replace(f);
    }
    return fc;
  }

  private static boolean isPredicate(Node x) {
    return x instanceof Node.Binary
        || x instanceof Node.Unary
        || (x instanceof Node.Call c && PREDICATES.contains(c.function()));
  }

  /** A table as a filter: its rows of a base table, else the values of its columns' lineage. */
  static Filter fromRelation(Relation r) {
    if (r.base() != null) {
      java.util.BitSet rows = new java.util.BitSet(r.base().rowCount());
      for (int i = 0; i < r.size(); i++) {
        rows.set(r.baseRow(i));
      }
      return new Filter.Rows(r.base(), rows);
    }
    List<Integer> at = new ArrayList<>();
    for (int c = 0; c < r.width(); c++) {
      if (r.lineage(c) != null) {
        at.add(c);
      }
    }
    if (at.isEmpty()) {
      return null;
    }
    if (at.size() == 1) {
      ColumnStore col = r.lineage(at.get(0));
      java.util.BitSet ids = new java.util.BitSet();
      for (int i = 0; i < r.size(); i++) {
        int id = col.idOf(r.get(i, at.get(0)));
        if (id >= 0) {
          ids.set(id);
        }
      }
      return new Filter.Column(col, ids);
    }
    List<ColumnStore> cols = at.stream().map(r::lineage).toList();
    Set<Filter.Ids> tuples = new HashSet<>();
    for (int i = 0; i < r.size(); i++) {
      int[] ids = new int[at.size()];
      boolean ok = true;
      for (int k = 0; k < ids.length && ok; k++) {
        ids[k] = cols.get(k).idOf(r.get(i, at.get(k)));
        ok = ids[k] >= 0;
      }
      if (ok) {
        tuples.add(new Filter.Ids(ids));
      }
    }
    return new Filter.Tuples(cols, tuples);
  }

  /** A boolean filter: FILTER(ALL(the columns it names), predicate). */
  private static Filter predicate(Evaluator ev, Node p, Env env) {
    Set<ColumnStore> found = new java.util.LinkedHashSet<>();
    collect(ev, p, found);
    if (found.isEmpty()) {
      throw Values.error(p, "A filter expression in CALCULATE must refer to at least one column.");
    }
    List<ColumnStore> cols = new ArrayList<>(found);
    TableStore t = cols.get(0).table();
    if (cols.stream().anyMatch(c -> c.table() != t)) {
      throw Values.error(
          p,
          "A filter expression in CALCULATE may refer to columns of one table only; use FILTER for more.");
    }
    Relation all = Tables.distinct(cols, env.fc().unfiltered(), true);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (Values.truthy(ev.scalar(p, env.withRow(all, i)))) {
        kept.add(i);
      }
    }
    return fromRelation(Tables.subset(all, kept));
  }

  private static void collect(Evaluator ev, Node n, Set<ColumnStore> out) {
    if (n instanceof Node.ColumnRef) {
      out.add(ev.column(n));
    } else if (n instanceof Node.Binary b) {
      collect(ev, b.left(), out);
      if (!b.op().equals("IN")) {
        collect(ev, b.right(), out);
      }
    } else if (n instanceof Node.Unary u) {
      collect(ev, u.operand(), out);
    } else if (n instanceof Node.Call c
        && !c.function().startsWith("CALCULATE")
        && !MODIFIERS.contains(c.function())) {
      c.args().forEach(a -> collect(ev, a, out));
    }
  }

  private static UnaryOperator<FilterContext> modifier(Evaluator ev, Node.Call c) {
    String f = c.function();
    switch (f) {
      case "USERELATIONSHIP", "CROSSFILTER" -> {
        arity(c, 2, f.equals("CROSSFILTER") ? 3 : 2);
        ColumnStore a = ev.column(arg(c, 0));
        ColumnStore b = ev.column(arg(c, 1));
        RelationshipStore r = ev.store().relationship(a, b);
        if (r == null) {
          throw Values.error(
              c,
              "There is no relationship between " + a.qualified() + " and " + b.qualified() + ".");
        }
        if (f.equals("USERELATIONSHIP")) {
          return fc -> fc.withLinks(fc.links().use(r));
        }
        String dir = arg(c, 2) instanceof Node.Ident id ? id.name().toUpperCase(Locale.ROOT) : "";
        return switch (dir) {
          case "NONE" -> fc -> fc.withLinks(fc.links().switchOff(r));
          case "ONEWAY", "ONEWAY_LEFTFILTERSRIGHT", "ONEWAY_RIGHTFILTERSLEFT" -> fc -> fc;
          case "BOTH" ->
              throw Values.error(
                  c, "The Power BI emulator does not support CROSSFILTER(…, BOTH) yet.");
          default -> throw Values.error(c, "CROSSFILTER needs a direction: NONE, ONEWAY or BOTH.");
        };
      }
      case "ALLSELECTED" -> {
        if (c.args().isEmpty()) {
          return fc -> fc.selected().withLinks(fc.links()).withSelected(fc.selected());
        }
        Set<ColumnStore> cols = columns(ev, c);
        return fc -> restore(fc.without(cols), fc.selected(), cols);
      }
      case "ALLEXCEPT" -> {
        arity(c, 2, Integer.MAX_VALUE);
        TableStore t = ev.tableStore(arg(c, 0));
        List<ColumnStore> except = new ArrayList<>();
        for (Node a : c.args().subList(1, c.args().size())) {
          except.add(ev.column(a));
        }
        return fc -> {
          Set<ColumnStore> cols = fc.expandedColumns(t);
          except.forEach(cols::remove);
          return fc.without(cols);
        };
      }
      default -> {
        if (c.args().isEmpty()) {
          return fc ->
              FilterContext.empty(fc.model()).withLinks(fc.links()).withSelected(fc.selected());
        }
        Set<ColumnStore> cols = columns(ev, c);
        return fc -> fc.without(cols);
      }
    }
  }

  /** The columns a modifier names: a table names its expanded table's columns. */
  private static Set<ColumnStore> columns(Evaluator ev, Node.Call c) {
    Set<ColumnStore> cols = new HashSet<>();
    FilterContext any = FilterContext.empty(ev.store());
    for (Node a : c.args()) {
      if (a instanceof Node.ColumnRef) {
        cols.add(ev.column(a));
      } else {
        cols.addAll(any.expandedColumns(ev.tableStore(a)));
      }
    }
    return cols;
  }

  private static FilterContext restore(
      FilterContext fc, FilterContext selected, Set<ColumnStore> cols) {
    for (Filter f : selected.filters()) {
      if (cols.stream().anyMatch(f::covers)) {
        fc = fc.with(f);
      }
    }
    return fc;
  }
}
