package dev.pbimcp.emulator.model;

import java.util.List;

/** A model table: columns and rows (row values in column order; null is BLANK). */
public record Table(
    String name, String description, boolean hidden, List<Column> columns, List<Object[]> rows) {

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }
}
