package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The row context: reading a column of the current rows, and turning them into filters. */
final class RowContext {
  private RowContext() {}

  /** Context transition: every row of the row context becomes a filter. */
  static FilterContext transition(Env env) {
    if (env.frame() == null) {
      return env.fc();
    }
    List<Env.Frame> frames = new ArrayList<>();
    for (Env.Frame f = env.frame(); f != null; f = f.outer()) {
      frames.add(0, f);
    }
    FilterContext fc = env.fc();
    for (Env.Frame f : frames) {
      Relation r = f.relation();
      if (r.base() != null) {
        BitSet one = new BitSet();
        one.set(r.baseRow(f.row()));
        fc = fc.replace(new Filter.Rows(r.base(), one));
        continue;
      }
      for (int c = 0; c < r.width(); c++) {
        ColumnStore col = r.lineage(c);
        if (col != null) {
          BitSet ids = new BitSet();
          int id = col.idOf(r.get(f.row(), c));
          if (id >= 0) {
            ids.set(id);
          }
          fc = fc.replace(new Filter.Column(col, ids));
        }
      }
    }
    return fc;
  }

  /** The value of a column in the row context. */
  static Object value(ColumnStore col, Node.ColumnRef c, Env env) {
    for (Env.Frame f = env.frame(); f != null; f = f.outer()) {
      Relation r = f.relation();
      if (r.base() == col.table()) {
        return col.value(r.baseRow(f.row()));
      }
      int i = r.indexOf(col);
      if (i < 0) {
        i = r.indexOf(col.qualified());
      }
      if (i >= 0) {
        return r.get(f.row(), i);
      }
    }
    throw new DaxException(
        c.line(),
        c.column(),
        "A single value for column '"
            + c.name()
            + "' in table '"
            + c.table()
            + "' cannot be determined. This can happen when a measure formula refers to a column"
            + " that contains many values without specifying an aggregation such as min, max,"
            + " count, or sum to get a single result.");
  }
}
