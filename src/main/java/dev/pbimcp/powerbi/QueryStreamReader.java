package dev.pbimcp.powerbi;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an executeQueries answer as a stream of parser events: one row at a time, whatever the size
 * of the answer. Errors may sit at the response, result or table level, including beside partial
 * rows of an HTTP 200; all are found.
 */
final class QueryStreamReader {
  private final long offset;
  private final int previewLimit;
  private final long csvLimit;
  private final StringBuilder csv;
  private final List<String> columns = new ArrayList<>();
  private final List<List<JsonValue>> preview = new ArrayList<>();
  private long rows;
  private JsonObject error;

  private QueryStreamReader(QueryWindow window) {
    this.offset = window.offset();
    this.previewLimit = window.previewRows();
    this.csvLimit = window.csvChars();
    this.csv = window.csvChars() > 0 ? new StringBuilder() : null;
  }

  static QueryResult read(InputStream in, int previewLimit, boolean keepCsv) {
    return read(in, new QueryWindow(0, previewLimit, keepCsv ? Long.MAX_VALUE : 0));
  }

  /** Reads the rows from the window's offset on: all are counted, the window's share kept. */
  static QueryResult read(InputStream in, QueryWindow window) {
    QueryStreamReader r = new QueryStreamReader(window);
    try (JsonParser p = Jsonp.createParser(in)) {
      if (!p.hasNext() || p.next() != Event.START_OBJECT) {
        throw malformed();
      }
      r.object(p, 0);
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw malformed();
    }
    return r.result();
  }

  /** Walks an object whose nesting is {@code level} (0 response, 1 result, 2 table). */
  private void object(JsonParser p, int level) {
    while (p.hasNext()) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        return;
      }
      String key = p.getString();
      Event value = p.next();
      if (key.equals("error") && value == Event.START_OBJECT) {
        error = p.getObject();
      } else if (value == Event.START_ARRAY && expects(level, key)) {
        array(p, level);
      } else if (value == Event.START_OBJECT) {
        p.skipObject();
      } else if (value == Event.START_ARRAY) {
        p.skipArray();
      }
    }
  }

  private static boolean expects(int level, String key) {
    return (level == 0 && key.equals("results"))
        || (level == 1 && key.equals("tables"))
        || (level == 2 && key.equals("rows"));
  }

  private void array(JsonParser p, int level) {
    boolean first = true;
    while (p.hasNext()) {
      Event e = p.next();
      if (e == Event.END_ARRAY) {
        return;
      }
      if (e != Event.START_OBJECT) {
        continue;
      }
      if (level == 2) {
        row(p.getObject());
      } else if (first) {
        object(p, level + 1);
      } else {
        p.skipObject(); // one query per call, one table per query: later ones are not ours
      }
      first = false;
    }
  }

  private void row(JsonObject row) {
    if (columns.isEmpty()) {
      columns.addAll(row.keySet());
      if (csv != null) {
        csv.append(String.join(",", columns.stream().map(QueryStreamReader::csvCell).toList()))
            .append("\r\n");
      }
    }
    if (rows++ < offset) {
      return;
    }
    List<JsonValue> values = new ArrayList<>(columns.size());
    for (String c : columns) {
      values.add(row.getOrDefault(c, JsonValue.NULL));
    }
    if (preview.size() < previewLimit) {
      preview.add(values);
    }
    // Past the cap no answer could carry more of the CSV: stop building it, keep counting rows.
    if (csv != null && csv.length() < csvLimit) {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        JsonValue v = values.get(i);
        csv.append(
            v.getValueType() == JsonValue.ValueType.NULL
                ? ""
                : csvCell(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
      }
      csv.append("\r\n");
    }
  }

  private QueryResult result() {
    QueryResult.Truncation truncation = QueryResult.Truncation.NONE;
    String detail = null;
    if (error != null) {
      detail = PowerBiErrorMapper.detail(error);
      if (rows == 0) {
        String code = PowerBiErrorMapper.code(error);
        throw new PowerBiException(
            PowerBiException.Kind.BAD_QUERY,
            PowerBiMessages.describe(
                PowerBiException.Kind.BAD_QUERY, 200, code, detail, null, null),
            200,
            code,
            null,
            null);
      }
      truncation = QueryResult.Truncation.of(detail);
    }
    return new QueryResult(
        List.copyOf(columns),
        List.copyOf(preview),
        rows,
        truncation,
        detail,
        csv == null ? null : csv.toString());
  }

  static String csvCell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static PowerBiException malformed() {
    return new PowerBiException(
        PowerBiException.Kind.MALFORMED,
        "Power BI returned an answer that could not be read (it was cut off or is not JSON). Run the"
            + " query again; if it keeps happening, narrow it down.");
  }
}
