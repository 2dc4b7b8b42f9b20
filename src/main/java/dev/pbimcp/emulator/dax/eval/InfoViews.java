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
      rows.add(new Object[] {id++, t.name(), t.description(), t.hidden(), "Import", null});
    }
    return rows(
        List.of("[ID]", "[Name]", "[Description]", "[IsHidden]", "[StorageMode]", "[DataCategory]"),
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
            true
          });
      for (Column c : t.columns()) {
        boolean key = c.name().endsWith("Key") && !t.name().equals("Sales");
        rows.add(
            new Object[] {id++, c.name(), t.name(), c.dataType(), null, null, c.hidden(), key});
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
            "[IsKey]"),
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
            false,
            null
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

  private static Relation rows(List<String> names, List<Object[]> rows) {
    Relation.Shape s = new Relation.Shape();
    names.forEach(n -> s.add(n, null));
    return s.rows(rows);
  }
}
