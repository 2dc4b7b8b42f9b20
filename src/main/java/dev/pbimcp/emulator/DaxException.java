package dev.pbimcp.emulator;

/** A DAX error, reported like Power BI does: "Query (line, column) message". */
final class DaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DaxException(int line, int column, String message) {
    super("Query (" + line + ", " + column + ") " + message, null, false, false);
  }
}
