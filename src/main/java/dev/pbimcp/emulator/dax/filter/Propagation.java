package dev.pbimcp.emulator.dax.filter;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.store.RelationshipStore;
import dev.pbimcp.emulator.dax.store.RowMap;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How one filter narrows the rows of one table: directly when it is on the table's columns, and
 * along the relationships from the one side (a many-side row follows the row it relates to, the
 * blank row when its key matches none).
 */
final class Propagation {
  private Propagation() {}

  static void apply(FilterContext ctx, Filter f, TableStore t, BitSet r) {
    ModelStore model = ctx.model();
    if (f instanceof Filter.Column c) {
      {
        ColumnStore col = c.column();
        TableStore d = col.table();
        if (d == t) {
          for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
            if (!c.ids().get(col.id(i))) {
              r.clear(i);
            }
          }
          return;
        }
        RowMap m = model.map(t, d, ctx.links());
        if (m == null) {
          return;
        }
        BitSet allowed = new BitSet(d.rowCount());
        for (int x = 0; x < d.rowCount(); x++) {
          if (c.ids().get(col.id(x))) {
            allowed.set(x);
          }
        }
        keepMapped(r, m, allowed, c.ids().get(0));
      }
    } else if (f instanceof Filter.Tuples tp) {
      tuples(ctx, tp, t, r);
    } else if (f instanceof Filter.Rows rf) {
      {
        TableStore x = rf.table();
        if (x == t) {
          r.and(rf.rows());
          return;
        }
        RowMap m = model.map(t, x, ctx.links());
        if (m != null) {
          keepMapped(r, m, rf.rows(), false);
          return;
        }
        RowMap back = model.map(x, t, ctx.links());
        if (back != null) {
          BitSet image = new BitSet(t.rowCount());
          for (int i = rf.rows().nextSetBit(0); i >= 0; i = rf.rows().nextSetBit(i + 1)) {
            if (back.row(i) >= 0) {
              image.set(back.row(i));
            }
          }
          r.and(image);
        }
      }
    }
  }

  private static void keepMapped(BitSet r, RowMap m, BitSet allowed, boolean blankAllowed) {
    for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
      int x = m.row(i);
      if (x < 0 ? !blankAllowed : !allowed.get(x)) {
        r.clear(i);
      }
    }
  }

  private static void tuples(FilterContext ctx, Filter.Tuples tp, TableStore t, BitSet r) {
    List<ColumnStore> cols = new ArrayList<>();
    List<RowMap> maps = new ArrayList<>();
    for (ColumnStore c : tp.columns()) {
      RowMap m = c.table() == t ? null : ctx.model().map(t, c.table(), ctx.links());
      if (c.table() == t || m != null) {
        cols.add(c);
        maps.add(m);
      }
    }
    if (cols.isEmpty()) {
      return;
    }
    Filter f = Projection.keep(tp, cols::contains);
    if (f instanceof Filter.Column single) {
      apply(ctx, single, t, r);
      return;
    }
    Filter.Tuples narrowed = (Filter.Tuples) f;
    int[] probe = new int[narrowed.columns().size()];
    Filter.Ids key = new Filter.Ids(probe);
    for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
      for (int k = 0; k < probe.length; k++) {
        ColumnStore c = narrowed.columns().get(k);
        RowMap m = maps.get(cols.indexOf(c));
        int row = m == null ? i : m.row(i);
        probe[k] = row < 0 ? 0 : c.id(row);
      }
      if (!narrowed.tuples().contains(key)) {
        r.clear(i);
      }
    }
  }

  /** A relationship filtering both ways: the one side keeps the rows the many side reaches. */
  static void fromManySide(FilterContext ctx, RelationshipStore rel, BitSet r) {
    TableStore many = rel.from().table();
    TableStore one = rel.to().table();
    boolean filtered = false;
    for (Filter f : ctx.filters()) {
      TableStore on =
          f instanceof Filter.Column c
              ? c.column().table()
              : f instanceof Filter.Tuples tp
                  ? tp.columns().get(0).table()
                  : ((Filter.Rows) f).table();
      if (on != one && (on == many || ctx.model().map(many, on, ctx.links()) != null)) {
        filtered = true;
      }
    }
    if (!filtered) {
      return;
    }
    FilterContext manySide = ctx.without(one.columns());
    BitSet seen = new BitSet(one.rowCount());
    RowMap m = ctx.model().map(many, one, ctx.links());
    BitSet manyRows = manySide.rows(many);
    for (int i = manyRows.nextSetBit(0); i >= 0; i = manyRows.nextSetBit(i + 1)) {
      if (m.row(i) >= 0) {
        seen.set(m.row(i));
      }
    }
    r.and(seen);
  }

  static boolean keepsBlankRow(FilterContext ctx, Filter f, TableStore t) {
    if (f instanceof Filter.Column c) {
      return !(c.column().table() == t
              || ctx.model().map(t, c.column().table(), ctx.links()) != null)
          || c.ids().get(0);
    }
    if (!(f instanceof Filter.Rows rf)) {
      return true;
    }
    if (rf.table() == t) {
      return false;
    }
    RowMap back = ctx.model().map(rf.table(), t, ctx.links());
    if (back == null) {
      return true;
    }
    for (int i = rf.rows().nextSetBit(0); i >= 0; i = rf.rows().nextSetBit(i + 1)) {
      if (back.row(i) < 0) {
        return true;
      }
    }
    return false;
  }
}
