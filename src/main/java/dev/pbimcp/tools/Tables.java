package dev.pbimcp.tools;

import java.util.List;

/** Compact markdown tables for the text block of tool results. */
final class Tables {
  private static final int MAX_CELL = 80;

  private Tables() {}

  static String markdown(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    line(b, header);
    b.append('|');
    header.forEach(h -> b.append("---|"));
    b.append('\n');
    rows.forEach(r -> line(b, r));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    b.append('|');
    for (String c : cells) {
      String s = c == null ? "" : c.replace("|", "\\|").replace("\n", " ");
      b.append(' ')
          .append(s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s)
          .append(" |");
    }
    b.append('\n');
  }
}
