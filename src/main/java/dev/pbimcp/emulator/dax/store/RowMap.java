package dev.pbimcp.emulator.dax.store;

/** For each row of a table, the row of a table on its one side it reaches (-1: the blank row). */
@FunctionalInterface
public interface RowMap {
  int row(int from);
}
