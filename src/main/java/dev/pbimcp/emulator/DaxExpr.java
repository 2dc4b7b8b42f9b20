package dev.pbimcp.emulator;

import java.util.List;

/** The syntax tree of the DAX subset. */
sealed interface DaxExpr {
  int line();

  int column();

  /** {@code 'Table'} or {@code Table}. */
  record TableRef(String name, int line, int column) implements DaxExpr {}

  /** {@code 'Table'[Column]}. */
  record ColumnRef(String table, String name, int line, int column) implements DaxExpr {}

  /** {@code [Name]}: a measure, or a column of the current row. */
  record NameRef(String name, int line, int column) implements DaxExpr {}

  record Literal(Object value, int line, int column) implements DaxExpr {}

  record Call(String function, List<DaxExpr> args, int line, int column) implements DaxExpr {}

  record Binary(String op, DaxExpr left, DaxExpr right, int line, int column) implements DaxExpr {}

  /** {@code ASC}/{@code DESC} inside TOPN or ORDER BY. */
  record Direction(boolean ascending, int line, int column) implements DaxExpr {}

  /** {@code EVALUATE table [ORDER BY ...]}. */
  record Query(DaxExpr table, List<DaxExpr> orderBy, List<Boolean> ascending) {}
}
