package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.RowMap;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of one SUMMARIZECOLUMNS level: a base filter context, the grouping columns, and each
 * group's value ids. An aggregate asked for in one group's context is computed for every group in a
 * single pass over the table (rows are assigned to groups through the relationship maps), then
 * served from the cache for the other groups.
 */
final class GroupSpec {
  private final FilterContext base;
  private final List<ColumnStore> columns;
  private final Map<Long, Integer> index = new HashMap<>();
  private final long[] strides;
  private final int groups;
  private final Map<TableStore, int[]> groupOf = new HashMap<>();
  private final Map<List<Object>, Object[]> results = new HashMap<>();

  GroupSpec(FilterContext base, List<ColumnStore> columns, List<int[]> tupleIds) {
    this.base = base;
    this.columns = columns;
    this.strides = new long[columns.size()];
    long stride = 1;
    boolean fits = true;
    for (int k = 0; k < columns.size(); k++) {
      strides[k] = stride;
      long size = columns.get(k).distinctCount() + 1L;
      fits &= stride < Long.MAX_VALUE / size;
      stride *= size;
    }
    this.groups = fits ? tupleIds.size() : 0;
    for (int g = 0; fits && g < tupleIds.size(); g++) {
      index.put(key(tupleIds.get(g)), g);
    }
  }

  private long key(int[] ids) {
    long k = 0;
    for (int i = 0; i < ids.length; i++) {
      k += ids[i] * strides[i];
    }
    return k;
  }

  /**
   * Every group's value of an aggregate over {@code t}, or null when the groups cannot filter t.
   */
  Object[] aggregate(String kind, ColumnStore col, TableStore t) {
    if (groups == 0) {
      return null;
    }
    int[] of = groupOf.computeIfAbsent(t, this::assign);
    if (of == null) {
      return null;
    }
    List<Object> key = List.of(kind, col == null ? t : col, t);
    return results.computeIfAbsent(key, k -> Accumulate.run(kind, col, base.rows(t), of, groups));
  }

  private int[] assign(TableStore t) {
    List<RowMap> maps = new ArrayList<>();
    for (ColumnStore c : columns) {
      RowMap m = c.table() == t ? null : base.model().map(t, c.table(), base.links());
      if (c.table() != t && m == null) {
        return null;
      }
      maps.add(m);
    }
    BitSet rows = base.rows(t);
    int[] of = new int[t.rowCount()];
    java.util.Arrays.fill(of, -1);
    int width = columns.size();
    for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
      long k = 0;
      for (int i = 0; i < width; i++) {
        RowMap m = maps.get(i);
        int row = m == null ? r : m.row(r);
        k += (row < 0 ? 0 : columns.get(i).id(row)) * strides[i];
      }
      Integer g = index.get(k);
      of[r] = g == null ? -1 : g;
    }
    return of;
  }
}
