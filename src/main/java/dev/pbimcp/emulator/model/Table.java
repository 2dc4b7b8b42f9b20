package dev.pbimcp.emulator.model;

import java.util.List;

/**
 * A model table: columns and rows (row values in column order; null is BLANK), its data category
 * ("Time" for a date table), its hierarchies, and the DAX of a calculated table (null otherwise).
 */
public record Table(
    String name,
    String description,
    boolean hidden,
    List<Column> columns,
    List<Object[]> rows,
    String dataCategory,
    List<Hierarchy> hierarchies,
    String expression) {

  public Table(
      String name, String description, boolean hidden, List<Column> columns, List<Object[]> rows) {
    this(name, description, hidden, columns, rows, null, List.of(), null);
  }

  /** A hierarchy: its levels, top first, each a column of the table. */
  public record Hierarchy(String name, List<String> levels, boolean hidden, String description) {}

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The same table holding other columns and rows. */
  public Table with(List<Column> newColumns, List<Object[]> newRows) {
    return new Table(
        name, description, hidden, newColumns, newRows, dataCategory, hierarchies, expression);
  }
}
