package dev.pbimcp.tools;

import dev.pbimcp.registry.Param;
import java.util.List;

/** A semantic model's schema as the tools show it. */
public record ModelSchema(
    @Param(value = "Tables with their columns and measures.", required = true)
        List<TableInfo> tables,
    @Param(
            value =
                "Relationships between tables (filters flow from the one side to the many side).",
            required = true)
        List<RelationshipInfo> relationships,
    @Param(
            "Row-level security roles and their table filters, when the caller may read them"
                + " (reading them needs more than read access in the Power BI service).")
        List<RoleInfo> roles) {

  /** A table. */
  public record TableInfo(
      @Param(value = "Table name, quoted in DAX as 'Name'.", required = true) String name,
      @Param("Description.") String description,
      @Param(value = "Columns, referenced in DAX as 'Table'[Column].", required = true)
          List<ColumnInfo> columns,
      @Param(value = "Measures, referenced in DAX as [Measure].", required = true)
          List<MeasureInfo> measures,
      @Param("True when hidden from report authors.") boolean hidden,
      @Param(
              "Its hierarchies, as 'Name: Level > Level' (columns, top first), when the caller may"
                  + " read them.")
          List<String> hierarchies) {
    TableInfo withHierarchies(List<String> list) {
      return new TableInfo(name, description, columns, measures, hidden, list);
    }
  }

  /** A column. */
  public record ColumnInfo(
      @Param(value = "Column name.", required = true) String name,
      @Param("Data type: String, Int64, Double, DateTime, Boolean, Decimal.") String dataType,
      @Param("Description.") String description,
      @Param("True when hidden from report authors.") boolean hidden) {}

  /** A measure. */
  public record MeasureInfo(
      @Param(value = "Measure name.", required = true) String name,
      @Param("Its DAX expression, when the caller may see it.") String expression,
      @Param("Format string.") String formatString,
      @Param("Description.") String description,
      @Param("The folder it is shown in, if any.") String displayFolder,
      @Param("True when hidden from report authors.") boolean hidden) {}

  /** A row-level security role. */
  public record RoleInfo(
      @Param(value = "Role name.", required = true) String name,
      @Param(value = "Its DAX filters, one per table, as 'Table': expression.", required = true)
          List<String> filters) {}

  /** A relationship. */
  public record RelationshipInfo(
      @Param(value = "Table on the many side.", required = true) String fromTable,
      @Param(value = "Column on the many side.", required = true) String fromColumn,
      @Param(value = "Table on the one side.", required = true) String toTable,
      @Param(value = "Column on the one side.", required = true) String toColumn,
      @Param("False for inactive relationships (used only with USERELATIONSHIP).")
          boolean active) {}
}
