package dev.pbimcp.emulator.dax.filter;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** One filter of a filter context. */
public sealed interface Filter {
  /** The columns this filter is on; a new filter on them replaces it (unless KEEPFILTERS). */
  boolean covers(ColumnStore c);

  /** Allowed value ids of one column (id 0: BLANK). */
  record Column(ColumnStore column, BitSet ids) implements Filter {
    @Override
    public boolean covers(ColumnStore c) {
      return c == column;
    }
  }

  /** Allowed combinations of several columns' value ids. */
  record Tuples(List<ColumnStore> columns, Set<Ids> tuples) implements Filter {
    @Override
    public boolean covers(ColumnStore c) {
      return columns.contains(c);
    }
  }

  /** Rows of a base table: a table filter, which filters every column of its expanded table. */
  record Rows(TableStore table, BitSet rows) implements Filter {
    @Override
    public boolean covers(ColumnStore c) {
      return c.table() == table;
    }
  }

  /** A tuple of value ids, with value equality. */
  record Ids(int[] ids) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Ids other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
      return Arrays.toString(ids);
    }
  }
}
