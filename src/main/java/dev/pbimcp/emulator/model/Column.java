package dev.pbimcp.emulator.model;

/**
 * A column of a model table, with its Power BI data type name (Int64, Double, Decimal, DateTime,
 * String, Boolean) and the properties the schema shows. {@code expression} is the DAX of a
 * calculated column (null for a data column); {@code sourceColumn} is where a data column's values
 * come from (the CSV header, or the column of a calculated table's result).
 */
public record Column(
    String name,
    String dataType,
    boolean hidden,
    String description,
    String formatString,
    String summarizeBy,
    String sortByColumn,
    String dataCategory,
    boolean key,
    String displayFolder,
    String expression,
    String sourceColumn) {

  public Column(String name, String dataType, boolean hidden) {
    this(name, dataType, hidden, null, null, null, null, null, false, null, null, null);
  }

  public static Column of(String name, String dataType) {
    return new Column(name, dataType, false);
  }

  /** The same column with another data type (a calculated one's, known once evaluated). */
  public Column withDataType(String type) {
    return new Column(
        name,
        type,
        hidden,
        description,
        formatString,
        summarizeBy,
        sortByColumn,
        dataCategory,
        key,
        displayFolder,
        expression,
        sourceColumn);
  }

  public boolean calculated() {
    return expression != null;
  }
}
