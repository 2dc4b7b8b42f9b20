package dev.pbimcp.tools;

import dev.pbimcp.powerbi.QueryResult;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * How much of one query's answer fits its share of the result budget: the preview appears twice
 * (the markdown table and the structured rows), the CSV once, escaped inside JSON. The preview
 * shrinks first to leave the CSV room; the CSV is cut at a row boundary, and the answer says so.
 */
final class ResultFit {
  /** Room for what is not rows: field names, the sentences around the table, the CSV's URI. */
  static final int OVERHEAD = 1_500;

  record Fit(int previewRows, String csv, long csvRows) {}

  private ResultFit() {}

  /** The fit of the rows from {@code offset} on (those before it were only counted). */
  static Fit of(QueryResult r, long offset, int share) {
    long remaining = Math.max(0, r.rowCount() - offset);
    int room = Math.max(0, share - OVERHEAD);
    List<List<JsonValue>> preview = r.preview();
    long[] cost = new long[preview.size() + 1];
    cost[0] = 2L * header(r.columns());
    for (int i = 0; i < preview.size(); i++) {
      cost[i + 1] = cost[i] + 2L * row(preview.get(i));
    }
    if (remaining <= preview.size() && cost[preview.size()] <= room) {
      return new Fit(preview.size(), null, 0);
    }
    // Rows beyond the preview go to the CSV: the preview keeps at most half the room.
    int k = preview.size();
    while (k > 0 && cost[k] > room / 2) {
      k--;
    }
    if (r.csv() == null || remaining <= k) {
      return new Fit(k, null, 0);
    }
    return cut(r.csv(), k, room - cost[k]);
  }

  private static Fit cut(String csv, int previewRows, long room) {
    long used = 0;
    int end = 0;
    long lines = 0;
    while (end < csv.length()) {
      int next = csv.indexOf("\r\n", end);
      next = next < 0 ? csv.length() : next + 2;
      long escaped = next - end + 2;
      for (int i = end; i < next; i++) {
        char ch = csv.charAt(i);
        if (ch == '"' || ch == '\\') {
          escaped++;
        }
      }
      if (used + escaped > room) {
        break;
      }
      used += escaped;
      end = next;
      lines++;
    }
    if (lines <= 1) {
      return new Fit(previewRows, null, 0);
    }
    return new Fit(previewRows, csv.substring(0, end), lines - 1);
  }

  private static long header(List<String> columns) {
    return columns.stream().mapToLong(c -> c.length() + 6).sum() + 8;
  }

  private static long row(List<JsonValue> cells) {
    return cells.stream().mapToLong(v -> v.toString().length() + 3).sum() + 4;
  }
}
