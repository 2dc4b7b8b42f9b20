package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.RowMap;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An aggregate in a context that differs from another only by filters on one dimension (the date
 * filters of time intelligence, a group's year): computed once per dimension row under the other
 * filters, then combined over the dimension rows this context allows. Only for aggregates that
 * combine (sums, counts, minimum, maximum, average).
 */
final class DimensionPartials {
  private DimensionPartials() {}

  private static final java.util.Set<String> COMBINABLE =
      java.util.Set.of(
          "SUM", "COUNT", "COUNTA", "COUNTBLANK", "COUNTROWS", "MIN", "MAX", "AVERAGE");

  /** What {@link #aggregate} returns for a context of another shape. */
  static final Object NOT_APPLICABLE = new Object();

  /** The aggregate, or {@link #NOT_APPLICABLE}. */
  static Object aggregate(
      Evaluator ev, String kind, ColumnStore col, TableStore fact, FilterContext fc) {
    if (!COMBINABLE.contains(kind) || fc.filters().isEmpty()) {
      return NOT_APPLICABLE;
    }
    Filter last = fc.filters().get(fc.filters().size() - 1);
    TableStore dim = tableOf(last);
    RowMap map = dim == null || dim == fact ? null : fc.model().map(fact, dim, fc.links());
    if (map == null) {
      return NOT_APPLICABLE;
    }
    // Each filter narrows the fact rows on its own: those on the dimension become the rows it
    // allows, the others form the context the partials are computed in.
    List<Filter> on = new ArrayList<>();
    FilterContext rest = fc.unfiltered().withLinks(fc.links());
    for (Filter f : fc.filters()) {
      if (tableOf(f) == dim) {
        on.add(f);
      } else {
        rest = rest.with(f);
      }
    }
    FilterContext base = rest;
    Object[] partials =
        ev.memo(
            List.of("partials", kind, col == null ? fact : col, dim, base),
            () -> partials(kind, col, fact, dim, map, base));
    FilterContext onlyDim = FilterContext.empty(fc.model()).withLinks(fc.links());
    for (Filter f : on) {
      onlyDim = onlyDim.with(f);
    }
    BitSet allowed = onlyDim.rows(dim);
    boolean blank = dim.hasBlankRow() && onlyDim.blankRowVisible(dim);
    return combine(kind, partials, allowed, blank ? dim.rowCount() : -1);
  }

  private static TableStore tableOf(Filter f) {
    if (f instanceof Filter.Column c) {
      return c.column().table();
    }
    if (f instanceof Filter.Rows r) {
      return r.table();
    }
    Filter.Tuples t = (Filter.Tuples) f;
    TableStore first = t.columns().get(0).table();
    return t.columns().stream().allMatch(c -> c.table() == first) ? first : null;
  }

  /** Per dimension row (and one more slot for the blank row): SUM and COUNT, or MIN/MAX. */
  private static Object[] partials(
      String kind,
      ColumnStore col,
      TableStore fact,
      TableStore dim,
      RowMap map,
      FilterContext base) {
    int slots = dim.rowCount() + 1;
    int[] groupOf = new int[fact.rowCount()];
    BitSet rows = base.rows(fact);
    for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
      int d = map.row(r);
      groupOf[r] = d < 0 ? dim.rowCount() : d;
    }
    if (kind.equals("AVERAGE")) {
      return new Object[] {
        Accumulate.run("SUM", col, rows, groupOf, slots),
        Accumulate.run("COUNT", col, rows, groupOf, slots)
      };
    }
    return new Object[] {Accumulate.run(kind, col, rows, groupOf, slots)};
  }

  private static Object combine(String kind, Object[] partials, BitSet allowed, int blankSlot) {
    if (kind.equals("AVERAGE")) {
      Object sum = combine("SUM", new Object[] {partials[0]}, allowed, blankSlot);
      Object count = combine("COUNT", new Object[] {partials[1]}, allowed, blankSlot);
      return sum == null || count == null
          ? null
          : ((Number) sum).doubleValue() / ((Number) count).doubleValue();
    }
    Object[] values = (Object[]) partials[0];
    Object acc = null;
    for (int d = allowed.nextSetBit(0); d >= 0; d = allowed.nextSetBit(d + 1)) {
      acc = merge(kind, acc, values[d]);
    }
    if (blankSlot >= 0) {
      acc = merge(kind, acc, values[blankSlot]);
    }
    return acc;
  }

  private static Object merge(String kind, Object acc, Object v) {
    if (v == null) {
      return acc;
    }
    if (acc == null) {
      return v;
    }
    return switch (kind) {
      case "MIN" -> Values.order(v, acc) < 0 ? v : acc;
      case "MAX" -> Values.order(v, acc) > 0 ? v : acc;
      default ->
          acc instanceof Long a && v instanceof Long b
              ? (Object) (a + b)
              : (Object) (((Number) acc).doubleValue() + ((Number) v).doubleValue());
    };
  }
}
