package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.model.Column;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table's rows from CSV (RFC 4180: a header row, commas, fields in double quotes where they
 * hold commas, quotes or line breaks, a quote doubled inside), each value typed by its column's
 * data type. The header names the columns by name (or source column), in any order. An empty field
 * is BLANK; a quoted empty field is the empty text. Every error names the line and the column.
 */
final class CsvReader {
  private final String file;
  private final Reader in;
  private int line = 1;
  private int pushed = -2;

  private CsvReader(String file, Reader in) {
    this.file = file;
    this.in = in;
  }

  /** Rows in the order of {@code columns}, read from a CSV whose header names each of them. */
  static List<Object[]> read(String file, Reader in, List<Column> columns) throws IOException {
    CsvReader r = new CsvReader(file, in);
    List<Field> header = r.record();
    if (header == null) {
      throw new ModelFileException(
          file,
          1,
          "the file is empty; the first line must name the columns: " + names(columns) + ".");
    }
    int[] target = new int[header.size()];
    boolean[] seen = new boolean[columns.size()];
    for (int f = 0; f < header.size(); f++) {
      String h = header.get(f).text.strip();
      int c = find(columns, h);
      if (c < 0) {
        throw new ModelFileException(
            file,
            1,
            "the header names '"
                + h
                + "', which is not a column of the table; its columns: "
                + names(columns)
                + ".");
      }
      if (seen[c]) {
        throw new ModelFileException(file, 1, "the header names '" + h + "' twice.");
      }
      seen[c] = true;
      target[f] = c;
    }
    for (int c = 0; c < columns.size(); c++) {
      if (!seen[c]) {
        throw new ModelFileException(
            file,
            1,
            "the header lacks the column '"
                + columns.get(c).name()
                + "' (an empty column gives BLANK values).");
      }
    }
    List<Object[]> rows = new ArrayList<>();
    while (true) {
      int at = r.line;
      List<Field> fields = r.record();
      if (fields == null) {
        return rows;
      }
      if (fields.size() == 1 && fields.get(0).text.isEmpty() && !fields.get(0).quoted) {
        continue;
      }
      if (fields.size() != header.size()) {
        throw new ModelFileException(
            file,
            at,
            "this row has " + fields.size() + " fields; the header has " + header.size() + ".");
      }
      Object[] row = new Object[columns.size()];
      for (int f = 0; f < fields.size(); f++) {
        Column c = columns.get(target[f]);
        row[target[f]] = value(file, at, f + 1, c, fields.get(f));
      }
      rows.add(row);
    }
  }

  private static int find(List<Column> columns, String header) {
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.name().equalsIgnoreCase(header) || header.equalsIgnoreCase(c.sourceColumn())) {
        return i;
      }
    }
    return -1;
  }

  private static String names(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  private record Field(String text, boolean quoted) {}

  /** The next record's fields, or null at the end of the file. */
  private List<Field> record() throws IOException {
    int ch = read();
    if (ch < 0) {
      return null;
    }
    List<Field> fields = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    while (true) {
      boolean quoted = false;
      b.setLength(0);
      if (ch == '"') {
        quoted = true;
        int start = line;
        while (true) {
          ch = read();
          if (ch < 0) {
            throw new ModelFileException(
                file, start, "a quoted field opened on this line is never closed.");
          }
          if (ch == '"') {
            ch = read();
            if (ch != '"') {
              break;
            }
          }
          b.append((char) ch);
        }
        if (ch >= 0 && ch != ',' && ch != '\n') {
          throw new ModelFileException(
              file,
              line,
              "after a closing quote a field ends with a comma or the line; a quote inside a field is written twice.");
        }
      } else {
        while (ch >= 0 && ch != ',' && ch != '\n') {
          if (ch == '"') {
            throw new ModelFileException(
                file,
                line,
                "a quote inside an unquoted field; put the field in quotes and write the quote twice.");
          }
          b.append((char) ch);
          ch = read();
        }
      }
      fields.add(new Field(b.toString(), quoted));
      if (ch == ',') {
        ch = read();
        continue;
      }
      return fields;
    }
  }

  /** The next character with CR LF and CR read as LF; counts lines. */
  private int read() throws IOException {
    int ch;
    if (pushed != -2) {
      ch = pushed;
      pushed = -2;
    } else {
      ch = in.read();
    }
    if (ch == '\r') {
      int n = in.read();
      if (n != '\n') {
        pushed = n;
      }
      ch = '\n';
    }
    if (ch == '\n') {
      line++;
    }
    return ch;
  }

  private static Object value(String file, int line, int field, Column c, Field f) {
    String type = c.dataType();
    if (f.text.isEmpty()) {
      return f.quoted && "String".equals(type) ? "" : null;
    }
    if ("String".equals(type)) {
      return f.text;
    }
    String t = f.text.strip();
    try {
      switch (type) {
        case "Int64":
          return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        case "Double":
        case "Decimal":
          for (int i = 0; i < t.length(); i++) {
            if ("0123456789+-.eE".indexOf(t.charAt(i)) < 0) {
              throw new NumberFormatException();
            }
          }
          return Double.parseDouble(t);
        case "DateTime":
          return t.length() == 10
              ? LocalDate.parse(t).atStartOfDay()
              : LocalDateTime.parse(t.replace(' ', 'T'));
        case "Boolean":
          if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t.toLowerCase(Locale.ROOT));
          }
          throw new NumberFormatException();
        default:
          return f.text;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ModelFileException(
          file,
          line,
          "column "
              + field
              + " ("
              + c.name()
              + ", "
              + type
              + "): '"
              + t
              + "' is not "
              + expected(type)
              + ".");
    }
  }

  private static String expected(String type) {
    return switch (type) {
      case "Int64" -> "a whole number";
      case "Double", "Decimal" -> "a number (write 1234.5, with a dot and no thousands separator)";
      case "DateTime" -> "a date (write 2024-01-31, or 2024-01-31T08:30:00)";
      case "Boolean" -> "true or false";
      default -> "a " + type;
    };
  }
}
