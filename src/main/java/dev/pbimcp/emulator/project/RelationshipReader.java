package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A relationship of a model definition: its two ends (TMSL's fromTable and fromColumn or TMDL's
 * Table.Column), the many side first, and its filter direction. A many-to-many relationship, or one
 * to a table that was left out, is left out and reported; one that names a table or column the
 * model does not have stops the load with its file and line.
 */
final class RelationshipReader {
  private RelationshipReader() {}

  /** The relationship, or null when it is left out (and reported). */
  static Model.Relationship read(
      ModelNode r, List<Table> tables, Set<String> skipped, List<Problem> problems) {
    String[] from = end(r, "from");
    String[] to = end(r, "to");
    String fromCard = r.text("fromCardinality") == null ? "many" : r.text("fromCardinality");
    String toCard = r.text("toCardinality") == null ? "one" : r.text("toCardinality");
    if (fromCard.equalsIgnoreCase("many") && toCard.equalsIgnoreCase("many")) {
      return leftOut(problems, r, from, to, "is many-to-many, which the emulator does not serve.");
    }
    boolean oneToOne = fromCard.equalsIgnoreCase("one") && toCard.equalsIgnoreCase("one");
    if (fromCard.equalsIgnoreCase("one") && !oneToOne) {
      String[] t = from;
      from = to;
      to = t;
    }
    for (String[] end : List.of(from, to)) {
      Table t =
          tables.stream().filter(x -> x.name().equalsIgnoreCase(end[0])).findFirst().orElse(null);
      if (t == null) {
        if (skipped.contains(ModelReader.key(end[0], null))) {
          return leftOut(problems, r, from, to, "is left out with table '" + end[0] + "'.");
        }
        throw new ModelFileException(
            r.file,
            r.line,
            "the relationship names table '" + end[0] + "', which the model does not have.");
      }
      if (t.columnIndex(end[1]) < 0) {
        throw new ModelFileException(
            r.file,
            r.line,
            "the relationship names column "
                + ref(end)
                + ", which table '"
                + end[0]
                + "' does not have.");
      }
    }
    String behavior = r.text("crossFilteringBehavior");
    boolean both = oneToOne || (behavior != null && behavior.equalsIgnoreCase("bothDirections"));
    if (behavior != null
        && !Set.of("onedirection", "bothdirections", "automatic")
            .contains(behavior.toLowerCase(Locale.ROOT))) {
      throw new ModelFileException(
          r.file,
          r.lineOf("crossFilteringBehavior"),
          "crossFilteringBehavior is oneDirection, bothDirections or automatic, not '"
              + behavior
              + "'.");
    }
    return new Model.Relationship(from[0], from[1], to[0], to[1], r.flag("isActive", true), both);
  }

  /** One end of a relationship: TMSL's fromTable and fromColumn, or TMDL's Table.Column. */
  private static String[] end(ModelNode r, String side) {
    String column = r.text(side + "Column");
    if (column == null) {
      throw new ModelFileException(
          r.file,
          r.line,
          "the relationship '"
              + r.name
              + "' has no "
              + side
              + "Column: write '"
              + side
              + "Column: Table.Column'.");
    }
    String table = r.text(side + "Table");
    if (table != null) {
      return new String[] {table, column};
    }
    return columnRef(r.file, r.lineOf(side + "Column"), column);
  }

  /** Reports the relationship left out, and why; null, as {@link #read} returns then. */
  private static Model.Relationship leftOut(
      List<Problem> problems, ModelNode r, String[] from, String[] to, String why) {
    problems.add(Problem.at(r, "the relationship " + ref(from) + " -> " + ref(to) + " " + why));
    return null;
  }

  private static String ref(String[] end) {
    return "'" + end[0] + "'[" + end[1] + "]";
  }

  /** Splits a column reference as TMDL writes it: {@code Table.Column}, either part quoted. */
  private static String[] columnRef(String file, int line, String ref) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < ref.length()) {
      if (ref.charAt(i) == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= ref.length()) {
            throw new ModelFileException(
                file, line, "the reference " + ref + " has no closing quote.");
          }
          if (ref.charAt(i) == '\'') {
            if (i + 1 < ref.length() && ref.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          b.append(ref.charAt(i++));
        }
        parts.add(b.toString());
      } else {
        int dot = ref.indexOf('.', i);
        parts.add(ref.substring(i, dot < 0 ? ref.length() : dot).strip());
        i = dot < 0 ? ref.length() : dot;
      }
      if (i < ref.length()) {
        if (ref.charAt(i) != '.') {
          throw new ModelFileException(
              file, line, "expected '.' between table and column in " + ref + ".");
        }
        i++;
      }
    }
    if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
      throw new ModelFileException(
          file,
          line,
          "expected a column as Table.Column (quote names with spaces or dots: 'My Table'.'My Column'), not "
              + ref
              + ".");
    }
    return parts.toArray(String[]::new);
  }
}
