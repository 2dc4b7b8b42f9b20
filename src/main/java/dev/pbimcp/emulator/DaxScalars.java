package dev.pbimcp.emulator;

import dev.pbimcp.emulator.DaxExpr.Binary;
import dev.pbimcp.emulator.DaxExpr.Call;
import dev.pbimcp.emulator.DaxExpr.ColumnRef;
import dev.pbimcp.emulator.DaxExpr.Literal;
import dev.pbimcp.emulator.DaxExpr.NameRef;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;

/** Scalar DAX: references in a row context, literals, operators and a few functions. */
final class DaxScalars {
  private final Model model;
  private final DaxEngine tables;

  DaxScalars(Model model, DaxEngine tables) {
    this.model = model;
    this.tables = tables;
  }

  /** Evaluates {@code e} for {@code row} of {@code source} (both null outside a row context). */
  Object eval(DaxExpr e, Rows source, Object[] row) {
    if (e instanceof Literal l) {
      return l.value();
    }
    if (e instanceof ColumnRef c) {
      int i = source == null ? -1 : source.indexOf(c.table() + "[" + c.name() + "]");
      if (i < 0) {
        if (model.table(c.table()).isEmpty()) {
          throw tables.noTable(c.table(), c);
        }
        throw new DaxException(
            c.line(),
            c.column(),
            "A single value for column '"
                + c.name()
                + "' in table '"
                + c.table()
                + "' cannot be determined.");
      }
      return row[i];
    }
    if (e instanceof NameRef n) {
      int i = source == null ? -1 : source.indexOfBare(n.name());
      if (i >= 0) {
        return row[i];
      }
      boolean measure =
          model.measures().stream().anyMatch(m -> m.name().equalsIgnoreCase(n.name()));
      throw new DaxException(
          n.line(),
          n.column(),
          measure
              ? "The Power BI emulator does not evaluate measures such as [" + n.name() + "] yet."
              : "The column or measure [" + n.name() + "] cannot be found.");
    }
    if (e instanceof Binary b) {
      return binary(b, source, row);
    }
    if (e instanceof Call c) {
      return call(c, source, row);
    }
    throw new DaxException(e.line(), e.column(), "A value was expected here.");
  }

  private Object call(Call c, Rows source, Object[] row) {
    return switch (c.function()) {
      case "TRUE" -> true;
      case "FALSE" -> false;
      case "BLANK" -> null;
      case "NOT" -> !truthy(eval(arg(c, 0, 1), source, row));
      case "ISBLANK" -> eval(arg(c, 0, 1), source, row) == null;
      case "UPPER" -> text(eval(arg(c, 0, 1), source, row)).toUpperCase(Locale.ROOT);
      case "LOWER" -> text(eval(arg(c, 0, 1), source, row)).toLowerCase(Locale.ROOT);
      case "LEN" -> (long) text(eval(arg(c, 0, 1), source, row)).length();
      case "CONTAINSSTRING" ->
          text(eval(arg(c, 0, 2), source, row))
              .toLowerCase(Locale.ROOT)
              .contains(text(eval(arg(c, 1, 2), source, row)).toLowerCase(Locale.ROOT));
      case "COUNTROWS" -> (long) tables.table(arg(c, 0, 1)).rows().size();
      case "SUM", "MIN", "MAX", "AVERAGE", "DISTINCTCOUNT" -> aggregate(c);
      default -> throw DaxEngine.unsupported(c);
    };
  }

  /** An aggregate over a whole column (there is no filter context yet). */
  private Object aggregate(Call c) {
    if (!(arg(c, 0, 1) instanceof ColumnRef col)) {
      throw new DaxException(c.line(), c.column(), c.function() + " needs a column reference.");
    }
    Table t = model.table(col.table()).orElseThrow(() -> tables.noTable(col.table(), col));
    int i = t.columnIndex(col.name());
    if (i < 0) {
      throw DaxEngine.noColumn(col);
    }
    if (c.function().equals("DISTINCTCOUNT")) {
      var seen = new HashSet<>();
      t.rows().forEach(r -> seen.add(r[i]));
      return (long) seen.size();
    }
    double sum = 0;
    Double min = null;
    Double max = null;
    long n = 0;
    for (Object[] r : t.rows()) {
      if (r[i] instanceof Number v) {
        double d = v.doubleValue();
        sum += d;
        min = min == null ? d : Math.min(min, d);
        max = max == null ? d : Math.max(max, d);
        n++;
      }
    }
    return switch (c.function()) {
      case "SUM" -> sum;
      case "MIN" -> min;
      case "MAX" -> max;
      default -> n == 0 ? null : sum / n;
    };
  }

  private Object binary(Binary b, Rows source, Object[] row) {
    Object l = eval(b.left(), source, row);
    if (b.op().equals("&&") && !truthy(l)) {
      return false;
    }
    if (b.op().equals("||") && truthy(l)) {
      return true;
    }
    Object r = eval(b.right(), source, row);
    return switch (b.op()) {
      case "&&", "||" -> truthy(r);
      case "&" -> text(l) + text(r);
      case "=", "==" -> compare(l, r, b) == 0;
      case "<>" -> compare(l, r, b) != 0;
      case "<" -> compare(l, r, b) < 0;
      case ">" -> compare(l, r, b) > 0;
      case "<=" -> compare(l, r, b) <= 0;
      case ">=" -> compare(l, r, b) >= 0;
      default -> arithmetic(b.op(), l, r, b);
    };
  }

  private static Object arithmetic(String op, Object l, Object r, DaxExpr at) {
    if (!(l instanceof Number x) || !(r instanceof Number y)) {
      throw new DaxException(at.line(), at.column(), "Operator " + op + " needs numbers.");
    }
    boolean integral = x instanceof Long && y instanceof Long && !op.equals("/");
    return switch (op) {
      case "+" ->
          integral ? (Object) (x.longValue() + y.longValue()) : x.doubleValue() + y.doubleValue();
      case "-" ->
          integral ? (Object) (x.longValue() - y.longValue()) : x.doubleValue() - y.doubleValue();
      case "*" ->
          integral ? (Object) (x.longValue() * y.longValue()) : x.doubleValue() * y.doubleValue();
      default -> y.doubleValue() == 0 ? null : x.doubleValue() / y.doubleValue();
    };
  }

  /** DAX ordering: blanks first, numbers by value, text case-insensitively, dates by date. */
  static int compare(Object a, Object b, DaxExpr at) {
    if (Objects.equals(a, b)) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareToIgnoreCase(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    throw new DaxException(
        at.line(),
        at.column(),
        "DAX comparison operations do not support comparing values of type "
            + typeName(a)
            + " with values of type "
            + typeName(b)
            + ".");
  }

  static boolean truthy(Object v) {
    return v instanceof Boolean b ? b : v instanceof Number n ? n.doubleValue() != 0 : v != null;
  }

  private static String text(Object v) {
    return v == null ? "" : v instanceof LocalDate d ? d.toString() : String.valueOf(v);
  }

  private static String typeName(Object v) {
    return v instanceof String
        ? "Text"
        : v instanceof Number ? "Number" : v instanceof Boolean ? "True/False" : "Date";
  }

  private static DaxExpr arg(Call c, int index, int arity) {
    DaxEngine.arity(c, arity);
    return c.args().get(index);
  }
}
