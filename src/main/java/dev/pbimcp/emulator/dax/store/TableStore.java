package dev.pbimcp.emulator.dax.store;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One table's columns and row count; whether a relationship gives it a blank row. */
public final class TableStore {
  private final String name;
  private final int rowCount;
  private final List<ColumnStore> columns;
  boolean blankRow;

  TableStore(Table t) {
    this.name = t.name();
    this.rowCount = t.rows().size();
    List<ColumnStore> cols = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      Column c = t.columns().get(i);
      cols.add(new ColumnStore(this, i, c.name(), c.dataType(), c.hidden(), t.rows()));
    }
    this.columns = Collections.unmodifiableList(cols);
  }

  public String name() {
    return name;
  }

  public int rowCount() {
    return rowCount;
  }

  public List<ColumnStore> columns() {
    return columns;
  }

  /** True when some many-side row matches no row here, so DAX shows a blank row. */
  public boolean hasBlankRow() {
    return blankRow;
  }

  public ColumnStore column(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    for (ColumnStore s : columns) {
      if (s.name().toLowerCase(Locale.ROOT).equals(c)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
