package dev.pbimcp.emulator.project;

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

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> where = new HashMap<>();
  private final Set<String> skipped = new java.util.HashSet<>();
  private final TableReader tableReader = new TableReader(problems, where);

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
        case "table" -> {
          Table t = tableReader.read(n, measures);
          if (t == null) {
            skipped.add(key(n.name, null));
          } else {
            tables.add(t);
          }
        }
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

  static String key(String table, String column) {
    return (table + (column == null ? "" : "[" + column + "]")).toLowerCase(Locale.ROOT);
  }
}
