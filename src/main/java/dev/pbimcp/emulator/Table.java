package dev.pbimcp.emulator;

import java.util.List;

/** An emulated model table: columns and rows (row values in column order). */
record Table(
    String name, String description, boolean hidden, List<Column> columns, List<Object[]> rows) {

  int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }
}
