package dev.pbimcp.powerbi;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One DAX query's answer as the gateway hands it on: the columns, the first rows, how many rows
 * Power BI returned in all, whether Power BI itself cut the answer short and why, and (when asked)
 * every returned row as CSV.
 */
public record QueryResult(
    List<String> columns,
    List<List<JsonValue>> preview,
    long rowCount,
    Truncation truncation,
    String truncationDetail,
    String csv) {

  /** Why Power BI returned fewer rows than the query produced. */
  public enum Truncation {
    NONE,
    ROW_LIMIT,
    VALUE_LIMIT,
    SIZE_LIMIT,
    OTHER;

    private static final java.util.regex.Pattern SIZE =
        java.util.regex.Pattern.compile("\\b(15 ?mb|megabytes?|bytes|size)\\b");
    private static final java.util.regex.Pattern VALUES =
        java.util.regex.Pattern.compile("\\b(1,?000,?000 values|values?|cells?)\\b");
    private static final java.util.regex.Pattern ROWS =
        java.util.regex.Pattern.compile("\\b(100,?000 rows|rows?)\\b");

    /**
     * The limit Power BI's message names. Every one of its messages also says how many rows were
     * kept, so the most specific limit is tested first: size, then values, then rows.
     */
    public static Truncation of(String detail) {
      String d = detail == null ? "" : detail.toLowerCase(java.util.Locale.ROOT);
      if (SIZE.matcher(d).find()) {
        return SIZE_LIMIT;
      }
      if (VALUES.matcher(d).find()) {
        return VALUE_LIMIT;
      }
      return ROWS.matcher(d).find() ? ROW_LIMIT : OTHER;
    }
  }
}
