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
    OTHER
  }
}
