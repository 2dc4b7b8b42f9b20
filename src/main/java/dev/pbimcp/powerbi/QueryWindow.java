package dev.pbimcp.powerbi;

/**
 * Which part of a query's answer to keep: rows before {@code offset} are only counted, then up to
 * {@code previewRows} rows are kept as values and up to about {@code csvChars} characters as CSV
 * (0: no CSV). Paging re-runs the query with a later offset, so any instance serves any page.
 */
public record QueryWindow(long offset, int previewRows, long csvChars) {
  public QueryWindow {
    if (offset < 0 || previewRows < 0 || csvChars < 0) {
      throw new IllegalArgumentException("A query window cannot be negative.");
    }
  }
}
