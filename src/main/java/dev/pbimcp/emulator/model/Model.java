package dev.pbimcp.emulator.model;

import java.util.List;
import java.util.Optional;

/**
 * A semantic model: tables, measures, relationships, the marked date table (or null) and row-level
 * security roles.
 */
public record Model(
    List<Table> tables,
    List<Measure> measures,
    List<Relationship> relationships,
    String dateTable,
    List<Role> roles) {

  public Model(List<Table> tables, List<Measure> measures, List<Relationship> relationships) {
    this(tables, measures, relationships, null, List.of());
  }

  /** A model measure, evaluated by the DAX engine like any measure of a DEFINE block. */
  public record Measure(
      String table,
      String name,
      String expression,
      String formatString,
      String description,
      String displayFolder,
      boolean hidden) {
    public Measure(
        String table, String name, String expression, String formatString, String description) {
      this(table, name, expression, formatString, description, null, false);
    }
  }

  /**
   * A many-to-one relationship from a column of the many side to the key of the one side; filters
   * flow from the one side unless {@code bothDirections}; an inactive one serves USERELATIONSHIP.
   */
  public record Relationship(
      String fromTable,
      String fromColumn,
      String toTable,
      String toColumn,
      boolean active,
      boolean bothDirections) {
    public Relationship(String fromTable, String fromColumn, String toTable, String toColumn) {
      this(fromTable, fromColumn, toTable, toColumn, true, false);
    }
  }

  /** A row-level security role: a DAX filter per table, and the users who hold it. */
  public record Role(String name, List<TableFilter> filters, List<String> members) {}

  /** A role's filter on one table: a DAX expression evaluated for each row. */
  public record TableFilter(String table, String expression) {}

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }
}
