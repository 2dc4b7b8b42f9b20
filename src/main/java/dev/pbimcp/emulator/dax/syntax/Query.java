package dev.pbimcp.emulator.dax.syntax;

import java.util.List;

/** A whole DAX query: its DEFINE block and one or more EVALUATE statements. */
public record Query(
    List<MeasureDef> measures,
    List<Node.Var> vars,
    List<ColumnDef> columns,
    List<Evaluate> evaluates) {

  /** {@code MEASURE 'Table'[Name] = expr}. */
  public record MeasureDef(String table, String name, Node expression) {}

  /** {@code COLUMN 'Table'[Name] = expr}: a query-scoped calculated column. */
  public record ColumnDef(String table, String name, Node expression) {}

  /** {@code EVALUATE table [ORDER BY …] [START AT …]}. */
  public record Evaluate(Node table, List<OrderKey> orderBy, List<Node> startAt) {}

  /** One ORDER BY key. */
  public record OrderKey(Node expression, boolean ascending) {}
}
