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
}
