package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tree of a model definition (from TMDL or TMSL) into a model without rows: tables with their
 * columns, hierarchies and calculated-table DAX, measures, relationships, the date table and roles.
 * What the engine cannot serve (calculation groups, field parameters, DirectQuery tables,
 * many-to-many relationships, object-level security, DAX functions) is left out and reported with
 * its file and line; a wrong property value stops the load with its file and line.
 */
final class ModelReader {
  /** A model without rows, what was left out, and where each table and column is written. */
  record Definition(Model model, List<Problem> problems, Map<String, String> where) {}

  private static final Map<String, String> TYPES =
      Map.of(
          "string", "String",
          "int64", "Int64",
          "double", "Double",
          "decimal", "Decimal",
          "datetime", "DateTime",
          "boolean", "Boolean");
  private static final Set<String> IGNORED_TOP =
      Set.of(
          "model",
          "database",
          "expression",
          "datasource",
          "perspective",
          "cultureinfo",
          "culture",
          "ref",
          "querygroup",
          "annotation",
          "linguisticmetadata");
  private static final Set<String> IGNORED_IN_TABLE =
      Set.of("annotation", "extendedproperty", "changedproperty", "refreshpolicy");

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> where = new HashMap<>();
  private final Set<String> skipped = new java.util.HashSet<>();

  private ModelReader() {}

  static Definition read(List<ModelNode> nodes) {
    return new ModelReader().definition(nodes);
  }

  private Definition definition(List<ModelNode> nodes) {
    List<Table> tables = new ArrayList<>();
    List<Model.Measure> measures = new ArrayList<>();
    List<ModelNode> relationships = new ArrayList<>();
    List<Model.Role> roles = new ArrayList<>();
    for (ModelNode n : nodes) {
      switch (n.kind.toLowerCase(Locale.ROOT)) {
        case "table" -> table(n, tables, measures);
        case "relationship" -> relationships.add(n);
        case "role" -> roles.add(role(n));
        case "function" -> leftOut(n, "DAX user-defined functions are not served by the emulator.");
        default -> {
          if (!IGNORED_TOP.contains(n.kind.toLowerCase(Locale.ROOT))) {
            leftOut(n, "'" + n.kind + "' objects are not read by the emulator.");
          }
        }
      }
    }
    List<Model.Relationship> rels = new ArrayList<>();
    for (ModelNode r : relationships) {
      Model.Relationship rel = RelationshipReader.read(r, tables, skipped, problems);
      if (rel != null) {
        rels.add(rel);
      }
    }
    // model.tmdl's "ref table" lines give the tables' order, as Desktop shows them.
    List<String> order =
        nodes.stream()
            .filter(n -> n.kind.equalsIgnoreCase("ref") && n.name.startsWith("table "))
            .map(n -> unquoted(n.name.substring(6).strip()).toLowerCase(Locale.ROOT))
            .toList();
    tables.sort(
        java.util.Comparator.comparingInt(
            t -> {
              int i = order.indexOf(t.name().toLowerCase(Locale.ROOT));
              return i < 0 ? Integer.MAX_VALUE : i;
            }));
    String dateTable =
        tables.stream()
            .filter(t -> "Time".equalsIgnoreCase(t.dataCategory()))
            .map(Table::name)
            .findFirst()
            .orElse(null);
    return new Definition(
        new Model(tables, measures, rels, dateTable, roles), List.copyOf(problems), where);
  }

  private void table(ModelNode n, List<Table> tables, List<Model.Measure> measures) {
    skipped.add(key(n.name, null));
    if (!n.children("calculationGroup").isEmpty()) {
      leftOut(
          n, "table '" + n.name + "' is a calculation group, which the emulator does not serve.");
      return;
    }
    for (ModelNode c : n.children("column")) {
      for (ModelNode x : c.children("extendedProperty")) {
        if ("ParameterMetadata".equalsIgnoreCase(x.name)) {
          leftOut(
              n, "table '" + n.name + "' is a field parameter, which the emulator does not serve.");
          return;
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
        return;
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
    where.put(key(n.name, null), at);
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
    skipped.remove(key(n.name, null));
    tables.add(
        new Table(
            n.name,
            description(n),
            n.flag("isHidden", false),
            columns,
            List.of(),
            n.text("dataCategory"),
            hierarchies,
            expression));
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
    where.put(key(table.name, c.name), c.where());
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

  private Model.Role role(ModelNode n) {
    List<Model.TableFilter> filters = new ArrayList<>();
    for (ModelNode p : n.children("tablePermission")) {
      if (p.value != null) {
        filters.add(new Model.TableFilter(p.name, p.value));
      }
      if (!p.children("columnPermission").isEmpty()) {
        leftOut(
            p,
            "the column permissions of role '"
                + n.name
                + "' (object-level security) are not applied by the emulator.");
      }
    }
    where.put("role " + n.name.toLowerCase(Locale.ROOT), n.where());
    List<String> members = n.children("member").stream().map(m -> m.name).toList();
    // A role without members in the file holds every user, as Desktop's "View as role" tests it.
    return new Model.Role(n.name, filters, members.isEmpty() ? List.of("*") : members);
  }

  private static String unquoted(String name) {
    return name.length() >= 2 && name.startsWith("'") && name.endsWith("'")
        ? name.substring(1, name.length() - 1).replace("''", "'")
        : name;
  }

  private void leftOut(ModelNode n, String message) {
    problems.add(Problem.at(n, message));
  }

  private static String description(ModelNode n) {
    return n.description != null ? n.description : n.text("description");
  }

  static String key(String table, String column) {
    return (table + (column == null ? "" : "[" + column + "]")).toLowerCase(Locale.ROOT);
  }
}
