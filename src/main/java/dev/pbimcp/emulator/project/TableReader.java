package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One table of a model definition: its columns, measures, hierarchies and calculated-table DAX. A
 * calculation group, a field parameter or a DirectQuery table is left out and reported; a wrong
 * property value stops the load with its file and line.
 */
final class TableReader {
  private static final Map<String, String> TYPES =
      Map.of(
          "string", "String",
          "int64", "Int64",
          "double", "Double",
          "decimal", "Decimal",
          "datetime", "DateTime",
          "boolean", "Boolean");
  private static final Set<String> IGNORED_IN_TABLE =
      Set.of("annotation", "extendedproperty", "changedproperty", "refreshpolicy");

  private final List<Problem> problems;
  private final Map<String, String> where;

  /** Reports into {@code problems}, and notes where each table, column and measure is written. */
  TableReader(List<Problem> problems, Map<String, String> where) {
    this.problems = problems;
    this.where = where;
  }

  /** The table, with its measures added to {@code measures}; null when it is left out. */
  Table read(ModelNode n, List<Model.Measure> measures) {
    if (!n.children("calculationGroup").isEmpty()) {
      leftOut(
          n, "table '" + n.name + "' is a calculation group, which the emulator does not serve.");
      return null;
    }
    for (ModelNode c : n.children("column")) {
      for (ModelNode x : c.children("extendedProperty")) {
        if ("ParameterMetadata".equalsIgnoreCase(x.name)) {
          leftOut(
              n, "table '" + n.name + "' is a field parameter, which the emulator does not serve.");
          return null;
        }
      }
    }
    String expression = null;
    String at = n.where();
    for (ModelNode p : n.children("partition")) {
      String mode = p.text("mode");
      if (mode != null && !mode.equalsIgnoreCase("import")) {
        leftOut(
            p,
            "table '"
                + n.name
                + "' has a "
                + mode
                + " partition; the emulator serves import tables (rows from CSV) and calculated tables only.");
        return null;
      }
      if ("calculated".equalsIgnoreCase(p.value)) {
        expression = p.text("source");
        if (expression == null) {
          throw new ModelFileException(
              p.file,
              p.line,
              "the calculated partition of '"
                  + n.name
                  + "' has no source: write 'source = <DAX table expression>'.");
        }
        // Its errors point at the DAX that fails, not at the table's first line.
        at = p.file + ":" + p.lineOf("source");
      }
    }
    where.put(ModelReader.key(n.name, null), at);
    List<Column> columns = new ArrayList<>();
    for (ModelNode c : n.children("column")) {
      Column col = column(n, c, expression != null);
      if (col != null) {
        columns.add(col);
      }
    }
    for (ModelNode m : n.children("measure")) {
      if (m.value == null) {
        throw new ModelFileException(
            m.file, m.line, "the measure '" + m.name + "' has no expression: write it after '='.");
      }
      if (m.text("formatStringDefinition") != null) {
        problems.add(
            new Problem(
                m.file,
                m.lineOf("formatStringDefinition"),
                "the dynamic format string of measure '"
                    + m.name
                    + "' is not applied; its static formatString is shown instead."));
      }
      where.put("measure " + m.name.toLowerCase(Locale.ROOT), m.where());
      measures.add(
          new Model.Measure(
              n.name,
              m.name,
              m.value,
              m.text("formatString"),
              description(m),
              m.text("displayFolder"),
              m.flag("isHidden", false)));
    }
    List<Table.Hierarchy> hierarchies = new ArrayList<>();
    for (ModelNode h : n.children("hierarchy")) {
      List<String> levels = new ArrayList<>();
      for (ModelNode l : h.children("level")) {
        String column = l.text("column") != null ? l.text("column") : l.name;
        if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
          throw new ModelFileException(
              l.file,
              l.line,
              "the level '"
                  + l.name
                  + "' of hierarchy '"
                  + h.name
                  + "' names the column '"
                  + column
                  + "', which table '"
                  + n.name
                  + "' does not have.");
        }
        levels.add(column);
      }
      hierarchies.add(
          new Table.Hierarchy(h.name, levels, h.flag("isHidden", false), description(h)));
    }
    for (ModelNode x : n.children) {
      String k = x.kind.toLowerCase(Locale.ROOT);
      if (!Set.of("column", "measure", "partition", "hierarchy").contains(k)
          && !IGNORED_IN_TABLE.contains(k)) {
        leftOut(x, "'" + x.kind + "' objects of a table are not read by the emulator.");
      }
    }
    return new Table(
        n.name,
        description(n),
        n.flag("isHidden", false),
        columns,
        List.of(),
        n.text("dataCategory"),
        hierarchies,
        expression);
  }

  private Column column(ModelNode table, ModelNode c, boolean calculatedTable) {
    String declared = c.text("dataType");
    String type = declared == null ? null : TYPES.get(declared.toLowerCase(Locale.ROOT));
    if (declared != null && type == null) {
      if (declared.equalsIgnoreCase("binary") || declared.equalsIgnoreCase("variant")) {
        leftOut(
            c,
            "column '"
                + table.name
                + "'["
                + c.name
                + "] is "
                + declared
                + ", which the emulator does not serve.");
        return null;
      }
      throw new ModelFileException(
          c.file,
          c.lineOf("dataType"),
          "dataType '"
              + declared
              + "' of column '"
              + c.name
              + "' is not one of string, int64, double, decimal, dateTime, boolean.");
    }
    if ("rowNumber".equalsIgnoreCase(c.text("type"))) {
      return null;
    }
    if (type == null && c.value == null && !calculatedTable) {
      throw new ModelFileException(
          c.file,
          c.line,
          "column '"
              + c.name
              + "' has no dataType: add 'dataType: string' (or int64, double, decimal, dateTime, boolean).");
    }
    where.put(ModelReader.key(table.name, c.name), c.where());
    String source = c.text("sourceColumn");
    return new Column(
        c.name,
        type,
        c.flag("isHidden", false),
        description(c),
        c.text("formatString"),
        c.text("summarizeBy"),
        c.text("sortByColumn"),
        c.text("dataCategory"),
        c.flag("isKey", false),
        c.text("displayFolder"),
        c.value,
        source);
  }

  private void leftOut(ModelNode n, String message) {
    problems.add(Problem.at(n, message));
  }

  static String description(ModelNode n) {
    return n.description != null ? n.description : n.text("description");
  }
}
