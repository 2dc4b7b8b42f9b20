package dev.pbimcp.tools;

import dev.pbimcp.powerbi.ParallelCalls.Outcome;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.registry.ToolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a schema only INFO functions give (INFO.ROLES, INFO.TABLEPERMISSIONS,
 * INFO.HIERARCHIES, INFO.LEVELS), which the service answers only for callers who may change the
 * model: for others each part is absent (null), never an error. Object IDs are those of
 * INFO.VIEW.TABLES and INFO.VIEW.COLUMNS.
 */
final class AdminViews {
  private final Map<String, String> tableNames = new HashMap<>();
  private final Map<String, String> columnNames = new HashMap<>();
  private final InfoRows roles;
  private final InfoRows permissions;
  private final InfoRows hierarchies;
  private final InfoRows levels;

  /** The INFO rows; each of the last four null when the caller may not read it. */
  AdminViews(
      InfoRows tables,
      InfoRows columns,
      InfoRows roles,
      InfoRows permissions,
      InfoRows hierarchies,
      InfoRows levels) {
    this.roles = roles;
    this.permissions = permissions;
    this.hierarchies = hierarchies;
    this.levels = levels;
    for (int i = 0; i < tables.size(); i++) {
      tableNames.put(tables.text(i, "[ID]"), tables.text(i, "[Name]"));
    }
    for (int i = 0; i < columns.size(); i++) {
      columnNames.put(columns.text(i, "[ID]"), columns.text(i, "[Name]"));
    }
  }

  /**
   * An INFO query's rows; null when the service refused it (the caller may not change the model).
   */
  static InfoRows readable(Outcome<InfoRows> outcome) {
    if (outcome.error() instanceof ToolException || outcome.error() instanceof PowerBiException) {
      return null;
    }
    return outcome.get();
  }

  /** Rows were read, and there is at least one. */
  static boolean any(InfoRows rows) {
    return rows != null && rows.size() > 0;
  }

  /** Each role with its filters as {@code 'Table': expression}; null when not readable. */
  List<ModelSchema.RoleInfo> roles() {
    if (!any(roles)) {
      return null;
    }
    List<ModelSchema.RoleInfo> out = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      String id = roles.text(i, "[ID]");
      List<String> filters = new ArrayList<>();
      for (int j = 0; permissions != null && j < permissions.size(); j++) {
        if (id != null && id.equals(permissions.text(j, "[RoleID]"))) {
          filters.add(
              "'"
                  + tableNames.getOrDefault(permissions.text(j, "[TableID]"), "?")
                  + "': "
                  + permissions.text(j, "[FilterExpression]"));
        }
      }
      out.add(new ModelSchema.RoleInfo(roles.text(i, "[Name]"), filters));
    }
    return out;
  }

  /** Per table name, its hierarchies as {@code Name: Level > Level}; empty when not readable. */
  Map<String, List<String>> hierarchies() {
    Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (!any(hierarchies)) {
      return out;
    }
    for (int i = 0; i < hierarchies.size(); i++) {
      String id = hierarchies.text(i, "[ID]");
      TreeMap<Long, String> ordered = new TreeMap<>();
      for (int j = 0; levels != null && j < levels.size(); j++) {
        if (id != null && id.equals(levels.text(j, "[HierarchyID]"))) {
          String column = columnNames.get(levels.text(j, "[ColumnID]"));
          ordered.put(
              Long.parseLong(levels.text(j, "[Ordinal]")),
              column != null ? column : levels.text(j, "[Name]"));
        }
      }
      String table = tableNames.get(hierarchies.text(i, "[TableID]"));
      if (table != null) {
        out.computeIfAbsent(table, t -> new ArrayList<>())
            .add(hierarchies.text(i, "[Name]") + ": " + String.join(" > ", ordered.values()));
      }
    }
    return out;
  }
}
