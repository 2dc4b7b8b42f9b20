package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INFO.VIEW.TABLES/COLUMNS/MEASURES/RELATIONSHIPS()} over an emulated model, with the
 * columns Microsoft documents (a subset), including the hidden RowNumber column every table has.
 */
final class InfoViews {
  private InfoViews() {}

  static Relation tables(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Table t : m.tables()) {
      rows.add(
          new Object[] {
            id++, t.name(), t.description(), t.hidden(), "Import", t.dataCategory(), t.expression()
          });
    }
    return rows(
        List.of(
            "[ID]",
            "[Name]",
            "[Description]",
            "[IsHidden]",
            "[StorageMode]",
            "[DataCategory]",
            "[Expression]"),
        rows);
  }

  static Relation columns(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Table t : m.tables()) {
      rows.add(
          new Object[] {
            id++,
            "RowNumber-2662979B-1795-4F74-8F37-6A1BA8059B61",
            t.name(),
            "Int64",
            "RowNumber",
            null,
            true,
            true,
            "RowNumber",
            null,
            null,
            null,
            null,
            null,
            null
          });
      for (Column c : t.columns()) {
        String type =
            c.calculated()
                ? "Calculated"
                : t.expression() != null ? "CalculatedTableColumn" : "Data";
        rows.add(
            new Object[] {
              id++,
              c.name(),
              t.name(),
              c.dataType(),
              c.dataCategory(),
              c.description(),
              c.hidden(),
              c.key(),
              type,
              c.expression(),
              c.formatString(),
              c.summarizeBy(),
              c.sortByColumn(),
              c.displayFolder(),
              c.sourceColumn()
            });
      }
    }
    return rows(
        List.of(
            "[ID]",
            "[Name]",
            "[Table]",
            "[DataType]",
            "[DataCategory]",
            "[Description]",
            "[IsHidden]",
            "[IsKey]",
            "[Type]",
            "[Expression]",
            "[FormatString]",
            "[SummarizeBy]",
            "[SortByColumn]",
            "[DisplayFolder]",
            "[SourceColumn]"),
        rows);
  }

  static Relation measures(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Model.Measure x : m.measures()) {
      rows.add(
          new Object[] {
            id++,
            x.name(),
            x.table(),
            x.description(),
            "Double",
            x.expression(),
            x.formatString(),
            x.hidden(),
            x.displayFolder()
          });
    }
    return rows(
        List.of(
            "[ID]",
            "[Name]",
            "[Table]",
            "[Description]",
            "[DataType]",
            "[Expression]",
            "[FormatString]",
            "[IsHidden]",
            "[DisplayFolder]"),
        rows);
  }

  static Relation relationships(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Model.Relationship r : m.relationships()) {
      rows.add(
          new Object[] {
            id++,
            "'"
                + r.fromTable()
                + "'["
                + r.fromColumn()
                + "] -> '"
                + r.toTable()
                + "'["
                + r.toColumn()
                + "]",
            r.active(),
            r.bothDirections() ? "BothDirections" : "OneDirection",
            r.fromTable(),
            r.fromColumn(),
            "Many",
            r.toTable(),
            r.toColumn(),
            "One"
          });
    }
    return rows(
        List.of(
            "[ID]",
            "[Relationship]",
            "[IsActive]",
            "[CrossFilteringBehavior]",
            "[FromTable]",
            "[FromColumn]",
            "[FromCardinality]",
            "[ToTable]",
            "[ToColumn]",
            "[ToCardinality]"),
        rows);
  }

  /** {@code INFO.ROLES()}: the row-level security roles, IDs as INFO.TABLEPERMISSIONS uses. */
  static Relation roles(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Model.Role r : m.roles()) {
      rows.add(new Object[] {id++, 1L, r.name(), null, "Read"});
    }
    return rows(List.of("[ID]", "[ModelID]", "[Name]", "[Description]", "[ModelPermission]"), rows);
  }

  /** {@code INFO.TABLEPERMISSIONS()}: each role's DAX filter on a table. */
  static Relation tablePermissions(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    long role = 1;
    for (Model.Role r : m.roles()) {
      for (Model.TableFilter f : r.filters()) {
        rows.add(new Object[] {id++, role, tableId(m, f.table()), f.expression()});
      }
      role++;
    }
    return rows(List.of("[ID]", "[RoleID]", "[TableID]", "[FilterExpression]"), rows);
  }

  /** {@code INFO.HIERARCHIES()}: each table's hierarchies. */
  static Relation hierarchies(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    for (Table t : m.tables()) {
      for (Table.Hierarchy h : t.hierarchies()) {
        rows.add(new Object[] {id++, tableId(m, t.name()), h.name(), h.description(), h.hidden()});
      }
    }
    return rows(List.of("[ID]", "[TableID]", "[Name]", "[Description]", "[IsHidden]"), rows);
  }

  /** {@code INFO.LEVELS()}: each hierarchy's levels, top first, with the column of each. */
  static Relation levels(Model m) {
    List<Object[]> rows = new ArrayList<>();
    long id = 1;
    long hierarchy = 1;
    for (Table t : m.tables()) {
      for (Table.Hierarchy h : t.hierarchies()) {
        long ordinal = 0;
        for (String level : h.levels()) {
          rows.add(new Object[] {id++, hierarchy, ordinal++, level, columnId(m, t, level)});
        }
        hierarchy++;
      }
    }
    return rows(List.of("[ID]", "[HierarchyID]", "[Ordinal]", "[Name]", "[ColumnID]"), rows);
  }

  private static Long tableId(Model m, String table) {
    for (int i = 0; i < m.tables().size(); i++) {
      if (m.tables().get(i).name().equalsIgnoreCase(table)) {
        return i + 1L;
      }
    }
    return null;
  }

  /** The ID INFO.VIEW.COLUMNS gives a column: every table's RowNumber, then its columns. */
  private static Long columnId(Model m, Table table, String column) {
    long id = 1;
    for (Table t : m.tables()) {
      id++;
      for (Column c : t.columns()) {
        if (t == table && c.name().equalsIgnoreCase(column)) {
          return id;
        }
        id++;
      }
    }
    return null;
  }

  private static Relation rows(List<String> names, List<Object[]> rows) {
    Relation.Shape s = new Relation.Shape();
    names.forEach(n -> s.add(n, null));
    return s.rows(rows);
  }
}
