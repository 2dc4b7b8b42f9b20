package dev.pbimcp.emulator;

import dev.pbimcp.emulator.DaxExpr.Call;
import dev.pbimcp.emulator.DaxExpr.ColumnRef;
import dev.pbimcp.emulator.DaxExpr.Direction;
import dev.pbimcp.emulator.DaxExpr.Literal;
import dev.pbimcp.emulator.DaxExpr.TableRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the DAX subset over a model: table expressions (a table, TOPN, FILTER, VALUES,
 * DISTINCT, ALL, SELECTCOLUMNS, ROW, INFO.VIEW.*) and ORDER BY; scalars come from {@link
 * DaxScalars}. No filter context exists yet: measures and CALCULATE are refused by name.
 */
final class DaxEngine {
  private final Model model;
  private final DaxScalars scalars;

  DaxEngine(Model model) {
    this.model = model;
    this.scalars = new DaxScalars(model, this);
  }

  Rows run(String query) {
    DaxExpr.Query q = DaxParser.parse(query);
    Rows result = table(q.table());
    if (q.orderBy().isEmpty()) {
      return result;
    }
    List<Object[]> sorted = new ArrayList<>(result.rows());
    sorted.sort(order(result, q.orderBy(), q.ascending()));
    return new Rows(result.columns(), sorted);
  }

  Rows table(DaxExpr e) {
    if (e instanceof TableRef t) {
      return Rows.of(model.table(t.name()).orElseThrow(() -> noTable(t.name(), e)));
    }
    if (!(e instanceof Call c)) {
      throw new DaxException(e.line(), e.column(), "A table expression was expected here.");
    }
    List<DaxExpr> a = c.args();
    return switch (c.function()) {
      case "INFO.VIEW.TABLES" -> InfoViews.tables(model);
      case "INFO.VIEW.COLUMNS" -> InfoViews.columns(model);
      case "INFO.VIEW.MEASURES" -> InfoViews.measures(model);
      case "INFO.VIEW.RELATIONSHIPS" -> InfoViews.relationships(model);
      case "FILTER" -> filter(c);
      case "TOPN" -> topN(c);
      case "VALUES", "DISTINCT" -> distinct(c);
      case "ALL" ->
          arity(c, 1) == 1 && a.get(0) instanceof ColumnRef ? distinct(c) : table(a.get(0));
      case "SELECTCOLUMNS" -> selectColumns(c);
      case "ROW" -> row(c);
      default -> throw unsupported(c);
    };
  }

  private Rows filter(Call c) {
    arity(c, 2);
    Rows source = table(c.args().get(0));
    List<Object[]> kept = new ArrayList<>();
    for (Object[] row : source.rows()) {
      if (DaxScalars.truthy(scalars.eval(c.args().get(1), source, row))) {
        kept.add(row);
      }
    }
    return new Rows(source.columns(), kept);
  }

  private Rows topN(Call c) {
    if (c.args().size() < 2) {
      throw new DaxException(c.line(), c.column(), "TOPN needs a count and a table.");
    }
    Object n = scalars.eval(c.args().get(0), null, null);
    if (!(n instanceof Number count) || count.longValue() < 0) {
      throw new DaxException(
          c.line(), c.column(), "The first argument of TOPN must be a positive number.");
    }
    Rows source = table(c.args().get(1));
    List<DaxExpr> orderBy = new ArrayList<>();
    List<Boolean> ascending = new ArrayList<>();
    for (DaxExpr arg : c.args().subList(2, c.args().size())) {
      if (arg instanceof Direction d) {
        ascending.set(ascending.size() - 1, d.ascending());
      } else {
        orderBy.add(arg);
        ascending.add(false); // TOPN orders descending unless told otherwise
      }
    }
    List<Object[]> rows = new ArrayList<>(source.rows());
    if (!orderBy.isEmpty()) {
      rows.sort(order(source, orderBy, ascending));
    }
    return new Rows(
        source.columns(), rows.subList(0, (int) Math.min(rows.size(), count.longValue())));
  }

  private Rows distinct(Call c) {
    arity(c, 1);
    DaxExpr arg = c.args().get(0);
    if (arg instanceof TableRef) {
      return table(arg);
    }
    if (!(arg instanceof ColumnRef col)) {
      throw new DaxException(
          arg.line(), arg.column(), c.function() + " needs a column or a table.");
    }
    Rows source = Rows.of(model.table(col.table()).orElseThrow(() -> noTable(col.table(), arg)));
    int i = source.indexOf(col.table() + "[" + col.name() + "]");
    if (i < 0) {
      throw noColumn(col);
    }
    Set<Object> seen = new LinkedHashSet<>();
    for (Object[] row : source.rows()) {
      seen.add(row[i]);
    }
    List<Object[]> out = new ArrayList<>();
    seen.forEach(v -> out.add(new Object[] {v}));
    return new Rows(List.of(source.columns().get(i)), out);
  }

  private Rows selectColumns(Call c) {
    if (c.args().size() < 3 || c.args().size() % 2 == 0) {
      throw new DaxException(
          c.line(), c.column(), "SELECTCOLUMNS needs a table and name/expression pairs.");
    }
    Rows source = table(c.args().get(0));
    List<String> names = new ArrayList<>();
    for (int k = 1; k < c.args().size(); k += 2) {
      if (!(c.args().get(k) instanceof Literal l) || !(l.value() instanceof String s)) {
        throw new DaxException(
            c.args().get(k).line(),
            c.args().get(k).column(),
            "A column name in quotes was expected.");
      }
      names.add("[" + s + "]");
    }
    List<Object[]> out = new ArrayList<>(source.rows().size());
    for (Object[] row : source.rows()) {
      Object[] r = new Object[names.size()];
      for (int k = 0; k < names.size(); k++) {
        r[k] = scalars.eval(c.args().get(2 + 2 * k), source, row);
      }
      out.add(r);
    }
    return new Rows(names, out);
  }

  private Rows row(Call c) {
    if (c.args().isEmpty() || c.args().size() % 2 != 0) {
      throw new DaxException(c.line(), c.column(), "ROW needs name/expression pairs.");
    }
    List<String> names = new ArrayList<>();
    Object[] values = new Object[c.args().size() / 2];
    for (int k = 0; k < c.args().size(); k += 2) {
      names.add("[" + scalars.eval(c.args().get(k), null, null) + "]");
      values[k / 2] = scalars.eval(c.args().get(k + 1), null, null);
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(values);
    return new Rows(names, rows);
  }

  private Comparator<Object[]> order(Rows source, List<DaxExpr> by, List<Boolean> ascending) {
    Comparator<Object[]> cmp = (x, y) -> 0;
    for (int k = 0; k < by.size(); k++) {
      DaxExpr e = by.get(k);
      Comparator<Object[]> one =
          (x, y) -> DaxScalars.compare(scalars.eval(e, source, x), scalars.eval(e, source, y), e);
      cmp = cmp.thenComparing(ascending.get(k) ? one : one.reversed());
    }
    return cmp;
  }

  static int arity(Call c, int n) {
    if (c.args().size() != n) {
      throw new DaxException(c.line(), c.column(), c.function() + " takes " + n + " argument(s).");
    }
    return n;
  }

  static DaxException unsupported(Call c) {
    return new DaxException(
        c.line(),
        c.column(),
        "The Power BI emulator does not support the function '" + c.function() + "' yet.");
  }

  DaxException noTable(String name, DaxExpr at) {
    return new DaxException(at.line(), at.column(), "The table '" + name + "' cannot be found.");
  }

  static DaxException noColumn(ColumnRef col) {
    return new DaxException(
        col.line(),
        col.column(),
        "Column '"
            + col.name()
            + "' in table '"
            + col.table()
            + "' cannot be found or may not be used in this expression.");
  }
}
