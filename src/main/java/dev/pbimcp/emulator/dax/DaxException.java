package dev.pbimcp.emulator.dax;

/** A DAX error, reported like Power BI does: "Query (line, column) message". */
public final class DaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DaxException(int line, int column, String message) {
    super("Query (" + line + ", " + column + ") " + message, null, false, false);
  }

  /** An error with no position in the query text (a model's own measure, a role filter). */
  public DaxException(String message) {
    super(message, null, false, false);
  }

  /** Power BI's words for an unknown table. */
  public static DaxException noTable(String table, int line, int column) {
    return new DaxException(line, column, "The table '" + table + "' cannot be found.");
  }

  /** Power BI's words for an unknown column of a known table. */
  public static DaxException noColumn(String table, String name, int line, int column) {
    return new DaxException(
        line,
        column,
        "Column '"
            + name
            + "' in table '"
            + table
            + "' cannot be found or may not be used in this expression.");
  }

  /** What the engine says of valid DAX it does not evaluate: the function, by name. */
  public static DaxException unsupportedFunction(String function, int line, int column) {
    return new DaxException(
        line,
        column,
        "The Power BI emulator does not support the function '" + function + "' yet.");
  }
}
