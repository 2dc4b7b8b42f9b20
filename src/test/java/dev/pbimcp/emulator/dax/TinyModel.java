package dev.pbimcp.emulator.dax;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A model small enough to know every answer by heart: a dimension K, a fact table F (one fact row
 * whose key matches no K row, so K gets DAX's blank row), and a marked date table D.
 */
final class TinyModel {
  private TinyModel() {}

  static Model build() {
    List<Object[]> k = new ArrayList<>();
    k.add(new Object[] {1L, "A", "x"});
    k.add(new Object[] {2L, "A", "y"});
    k.add(new Object[] {3L, "B", "x"});
    k.add(new Object[] {4L, "C", null});
    List<Object[]> f = new ArrayList<>();
    f.add(new Object[] {1L, 10L, 1.5, LocalDate.of(2024, 1, 5), "a"});
    f.add(new Object[] {1L, 20L, 2.5, LocalDate.of(2024, 2, 10), "b"});
    f.add(new Object[] {2L, 30L, null, LocalDate.of(2024, 2, 20), "c"});
    f.add(new Object[] {3L, 40L, 4.0, LocalDate.of(2023, 2, 15), "d"});
    f.add(new Object[] {9L, 50L, 5.0, LocalDate.of(2024, 3, 1), "e"});
    List<Object[]> d = new ArrayList<>();
    for (LocalDate day = LocalDate.of(2023, 1, 1); day.getYear() < 2025; day = day.plusDays(1)) {
      d.add(new Object[] {day, (long) day.getYear(), (long) day.getMonthValue()});
    }
    return new Model(
        List.of(
            new Table(
                "K",
                null,
                false,
                List.of(
                    Column.of("k", "Int64"),
                    Column.of("grp", "String"),
                    Column.of("cat", "String")),
                k),
            new Table(
                "F",
                null,
                false,
                List.of(
                    Column.of("k", "Int64"),
                    Column.of("v", "Int64"),
                    Column.of("w", "Double"),
                    Column.of("d", "DateTime"),
                    Column.of("t", "String")),
                f),
            new Table(
                "D",
                null,
                false,
                List.of(
                    Column.of("Date", "DateTime"),
                    Column.of("Year", "Int64"),
                    Column.of("Month", "Int64")),
                d)),
        List.of(
            new Model.Measure("F", "V", "SUM(F[v])", null, null),
            new Model.Measure("F", "Rows", "COUNTROWS(F)", null, null),
            new Model.Measure("F", "Twice", "[V] * 2", null, null)),
        List.of(
            new Model.Relationship("F", "k", "K", "k"),
            new Model.Relationship("F", "d", "D", "Date")),
        "D",
        List.of());
  }
}
