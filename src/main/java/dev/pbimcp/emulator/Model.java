package dev.pbimcp.emulator;

import java.util.List;
import java.util.Optional;

/** An emulated semantic model: tables, measures and relationships. */
record Model(List<Table> tables, List<Measure> measures, List<Relationship> relationships) {

  /** A model measure; the emulator knows its expression but evaluates only what the engine can. */
  record Measure(
      String table, String name, String expression, String formatString, String description) {}

  /** A many-to-one relationship from a fact column to a dimension key. */
  record Relationship(String fromTable, String fromColumn, String toTable, String toColumn) {}

  Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }
}
