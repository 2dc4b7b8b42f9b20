package dev.pbimcp.tools;

import dev.pbimcp.powerbi.QueryResult;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The rows of an INFO view, read by column name. */
record InfoRows(QueryResult result) {
  int size() {
    return result.preview().size();
  }

  JsonValue value(int row, String column) {
    int c = result.columns().indexOf(column);
    return c < 0 ? JsonValue.NULL : result.preview().get(row).get(c);
  }

  String text(int row, String column) {
    JsonValue v = value(row, column);
    return v instanceof JsonString s
        ? s.getString()
        : v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString();
  }

  boolean bool(int row, String column) {
    return value(row, column) == JsonValue.TRUE;
  }
}
