package dev.pbimcp.emulator;

import java.util.List;

/** A table value: qualified column names ({@code Table[Column]} or {@code [Name]}) and rows. */
record Rows(List<String> columns, List<Object[]> rows) {

  int indexOf(String qualified) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(qualified)) {
        return i;
      }
    }
    return -1;
  }

  /** A bare {@code [Name]}: an exact {@code [Name]} column, or the one {@code T[Name]} there is. */
  int indexOfBare(String name) {
    int exact = indexOf("[" + name + "]");
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      if (c.toLowerCase(java.util.Locale.ROOT)
          .endsWith("[" + name.toLowerCase(java.util.Locale.ROOT) + "]")) {
        if (found >= 0) {
          return -2;
        }
        found = i;
      }
    }
    return found;
  }

  static Rows of(Table t) {
    return new Rows(
        t.columns().stream().map(c -> t.name() + "[" + c.name() + "]").toList(), t.rows());
  }
}
