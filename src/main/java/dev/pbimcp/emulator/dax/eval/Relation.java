package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A table value: named columns, each with its lineage (the model column it comes from, or null for
 * a computed one), and rows. Rows of a base table stay references into the column store.
 */
public interface Relation {
  int width();

  int size();

  /** {@code 'Table'[Column]} or {@code [Name]}. */
  String name(int column);

  ColumnStore lineage(int column);

  Object get(int row, int column);

  /** The base table when every row is a row of it, else null. */
  default TableStore base() {
    return null;
  }

  default int baseRow(int row) {
    return -1;
  }

  default int indexOf(String name) {
    for (int c = 0; c < width(); c++) {
      if (name(c).equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }

  default int indexOf(ColumnStore lineage) {
    for (int c = 0; c < width(); c++) {
      if (lineage(c) == lineage) {
        return c;
      }
    }
    return -1;
  }

  default Object[] row(int row) {
    Object[] r = new Object[width()];
    for (int c = 0; c < r.length; c++) {
      r[c] = get(row, c);
    }
    return r;
  }

  /** Rows of a base table. */
  record Base(TableStore table, int[] rows) implements Relation {
    static Base of(TableStore t, BitSet visible) {
      return new Base(t, visible.stream().toArray());
    }

    @Override
    public int width() {
      return table.columns().size();
    }

    @Override
    public int size() {
      return rows.length;
    }

    @Override
    public String name(int column) {
      return table.columns().get(column).qualified();
    }

    @Override
    public ColumnStore lineage(int column) {
      return table.columns().get(column);
    }

    @Override
    public Object get(int row, int column) {
      return table.columns().get(column).value(rows[row]);
    }

    @Override
    public TableStore base() {
      return table;
    }

    @Override
    public int baseRow(int row) {
      return rows[row];
    }
  }

  /** Materialised rows. */
  record Rows(List<String> names, List<ColumnStore> lineages, List<Object[]> rows)
      implements Relation {
    @Override
    public int width() {
      return names.size();
    }

    @Override
    public int size() {
      return rows.size();
    }

    @Override
    public String name(int column) {
      return names.get(column);
    }

    @Override
    public ColumnStore lineage(int column) {
      return lineages.get(column);
    }

    @Override
    public Object get(int row, int column) {
      return rows.get(row)[column];
    }
  }

  /** Columns of a relation as a builder for a new one. */
  final class Shape {
    final List<String> names = new ArrayList<>();
    final List<ColumnStore> lineages = new ArrayList<>();

    Shape add(String name, ColumnStore lineage) {
      names.add(name);
      lineages.add(lineage);
      return this;
    }

    Shape addAll(Relation r) {
      for (int c = 0; c < r.width(); c++) {
        add(r.name(c), r.lineage(c));
      }
      return this;
    }

    Rows rows(List<Object[]> rows) {
      return new Rows(List.copyOf(names), new ArrayList<>(lineages), rows);
    }
  }
}
