package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.ParallelCalls;
import dev.pbimcp.powerbi.ParallelCalls.Outcome;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.tools.ModelSchema.ColumnInfo;
import dev.pbimcp.tools.ModelSchema.MeasureInfo;
import dev.pbimcp.tools.ModelSchema.RelationshipInfo;
import dev.pbimcp.tools.ModelSchema.TableInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads a model's schema through the INFO.VIEW functions, which any reader of the model may run
 * (unlike INFO.*, which needs model admin). Hidden objects and RowNumber columns are left out
 * unless asked for.
 */
@Unproxied
public class SchemaReader {
  private static final int MAX_ROWS = 50_000;

  private final PowerBiGateway gateway;
  private final ParallelCalls parallel;

  @Inject
  public SchemaReader(PowerBiGateway gateway, ParallelCalls parallel) {
    this.gateway = gateway;
    this.parallel = parallel;
  }

  /**
   * The schema from eight INFO queries in two rounds (executeQueries takes one query per call): the
   * four views with INFO.ROLES and INFO.HIERARCHIES at once, then the permissions and levels of
   * what these found, at once. When all succeed that is as many calls as one after another; when
   * the model cannot be read at all (a wrong id, no permission) the first round's six calls fail
   * where one failed before, a price paid for six round trips fewer on every schema read.
   */
  ModelSchema read(String workspaceId, String datasetId, String onlyTable, boolean includeHidden) {
    List<Outcome<InfoRows>> first =
        parallel.all(
            queries(
                workspaceId,
                datasetId,
                "EVALUATE INFO.VIEW.TABLES()",
                "EVALUATE INFO.VIEW.COLUMNS()",
                "EVALUATE INFO.VIEW.MEASURES()",
                "EVALUATE INFO.VIEW.RELATIONSHIPS()",
                "EVALUATE INFO.ROLES()",
                "EVALUATE INFO.HIERARCHIES()"));
    InfoRows tables = first.get(0).get();
    InfoRows columns = first.get(1).get();
    InfoRows measures = first.get(2).get();
    InfoRows relationships = first.get(3).get();
    InfoRows roles = AdminViews.readable(first.get(4));
    InfoRows hierarchyRows = AdminViews.readable(first.get(5));
    boolean rolesFound = AdminViews.any(roles);
    boolean hierarchiesFound = AdminViews.any(hierarchyRows);
    List<String> second = new ArrayList<>();
    if (rolesFound) {
      second.add("EVALUATE INFO.TABLEPERMISSIONS()");
    }
    if (hierarchiesFound) {
      second.add("EVALUATE INFO.LEVELS()");
    }
    var then =
        parallel.all(queries(workspaceId, datasetId, second.toArray(String[]::new))).iterator();
    InfoRows permissions = rolesFound ? AdminViews.readable(then.next()) : null;
    InfoRows levels = hierarchiesFound ? AdminViews.readable(then.next()) : null;

    Map<String, TableInfo> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < tables.size(); i++) {
      if (includeHidden || !tables.bool(i, "[IsHidden]")) {
        String name = tables.text(i, "[Name]");
        byName.put(
            name,
            new TableInfo(
                name,
                tables.text(i, "[Description]"),
                new ArrayList<>(),
                new ArrayList<>(),
                tables.bool(i, "[IsHidden]"),
                null));
      }
    }
    if (onlyTable != null && !onlyTable.isBlank() && !byName.containsKey(onlyTable)) {
      throw new ToolException(
          "The model has no table '"
              + onlyTable
              + "'. Its tables: "
              + String.join(", ", byName.keySet())
              + ".");
    }
    Predicate<String> wanted =
        t ->
            byName.containsKey(t)
                && (onlyTable == null || onlyTable.isBlank() || t.equalsIgnoreCase(onlyTable));
    for (int i = 0; i < columns.size(); i++) {
      String table = columns.text(i, "[Table]");
      String name = columns.text(i, "[Name]");
      boolean rowNumber =
          "RowNumber".equals(columns.text(i, "[DataCategory]")) || name.startsWith("RowNumber-");
      boolean hidden = columns.bool(i, "[IsHidden]");
      if (wanted.test(table) && !rowNumber && (includeHidden || !hidden)) {
        byName
            .get(table)
            .columns()
            .add(
                new ColumnInfo(
                    name, columns.text(i, "[DataType]"), columns.text(i, "[Description]"), hidden));
      }
    }
    for (int i = 0; i < measures.size(); i++) {
      String table = measures.text(i, "[Table]");
      if (wanted.test(table) && (includeHidden || !measures.bool(i, "[IsHidden]"))) {
        byName
            .get(table)
            .measures()
            .add(
                new MeasureInfo(
                    measures.text(i, "[Name]"),
                    measures.text(i, "[Expression]"),
                    measures.text(i, "[FormatString]"),
                    measures.text(i, "[Description]"),
                    measures.text(i, "[DisplayFolder]"),
                    measures.bool(i, "[IsHidden]")));
      }
    }
    List<RelationshipInfo> rels = new ArrayList<>();
    for (int i = 0; i < relationships.size(); i++) {
      String from = relationships.text(i, "[FromTable]");
      String to = relationships.text(i, "[ToTable]");
      if (wanted.test(from) || wanted.test(to)) {
        rels.add(
            new RelationshipInfo(
                from,
                relationships.text(i, "[FromColumn]"),
                to,
                relationships.text(i, "[ToColumn]"),
                relationships.bool(i, "[IsActive]")));
      }
    }
    AdminViews admin = new AdminViews(tables, columns, roles, permissions, hierarchyRows, levels);
    Map<String, List<String>> hierarchies = admin.hierarchies();
    List<TableInfo> list =
        byName.values().stream()
            .filter(t -> wanted.test(t.name()))
            .map(t -> t.withHierarchies(hierarchies.get(t.name())))
            .toList();
    return new ModelSchema(list, rels, admin.roles());
  }

  /** One call per DAX query. */
  private List<Supplier<InfoRows>> queries(String ws, String ds, String... daxes) {
    List<Supplier<InfoRows>> calls = new ArrayList<>();
    for (String dax : daxes) {
      calls.add(() -> new InfoRows(gateway.query(ws, ds, dax, MAX_ROWS, false, null)));
    }
    return calls;
  }
}
