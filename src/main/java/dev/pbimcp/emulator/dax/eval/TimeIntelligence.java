package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Time intelligence over a date column (the marked date table's, as Microsoft recommends): each
 * function turns the dates visible in the filter context into another set of dates of the column.
 */
final class TimeIntelligence {
  private TimeIntelligence() {}

  static void register(Map<String, Fn> m) {
    m.put("DATESYTD", (ev, c, env) -> toDate(ev, c, env, "YEAR"));
    m.put("DATESQTD", (ev, c, env) -> toDate(ev, c, env, "QUARTER"));
    m.put("DATESMTD", (ev, c, env) -> toDate(ev, c, env, "MONTH"));
    m.put("TOTALYTD", (ev, c, env) -> total(ev, c, env, "YEAR"));
    m.put("TOTALQTD", (ev, c, env) -> total(ev, c, env, "QUARTER"));
    m.put("TOTALMTD", (ev, c, env) -> total(ev, c, env, "MONTH"));
    m.put(
        "SAMEPERIODLASTYEAR",
        (ev, c, env) -> {
          arity(c, 1, 1);
          return shift(ev, c, env, -1, "YEAR");
        });
    m.put(
        "DATEADD",
        (ev, c, env) -> {
          arity(c, 3, 3);
          return shift(ev, c, env, Dates.whole(ev, c, 1, env), unit(arg(c, 2)));
        });
    m.put(
        "PARALLELPERIOD",
        (ev, c, env) -> {
          arity(c, 3, 3);
          String unit = unit(arg(c, 2));
          TreeSet<LocalDateTime> visible = visible(ev, c, env);
          if (visible.isEmpty()) {
            return result(ev, c, List.of());
          }
          long n = Dates.whole(ev, c, 1, env);
          LocalDateTime from = start(visible.first(), unit).plusMonths(n * months(unit));
          LocalDateTime to =
              start(visible.last(), unit).plusMonths((n + 1) * months(unit)).minusDays(1);
          return between(ev, c, from, to);
        });
    for (String unit : List.of("DAY", "MONTH", "QUARTER", "YEAR")) {
      m.put("PREVIOUS" + unit, (ev, c, env) -> neighbour(ev, c, env, unit, -1));
      m.put("NEXT" + unit, (ev, c, env) -> neighbour(ev, c, env, unit, 1));
    }
    m.put(
        "DATESBETWEEN",
        (ev, c, env) -> {
          arity(c, 3, 3);
          LocalDateTime from = Dates.date(ev, c, 1, env);
          LocalDateTime to = Dates.date(ev, c, 2, env);
          TreeSet<LocalDateTime> all = all(ev, c);
          return between(ev, c, from == null ? all.first() : from, to == null ? all.last() : to);
        });
    m.put(
        "DATESINPERIOD",
        (ev, c, env) -> {
          arity(c, 4, 4);
          LocalDateTime start = Dates.date(ev, c, 1, env);
          long n = Dates.whole(ev, c, 2, env);
          String unit = unit(arg(c, 3));
          LocalDateTime end =
              unit.equals("DAY") ? start.plusDays(n) : start.plusMonths(n * months(unit));
          return n < 0
              ? between(ev, c, end.plusDays(1), start)
              : between(ev, c, start, end.minusDays(1));
        });
    m.put("FIRSTDATE", (ev, c, env) -> edge(ev, c, env, true));
    m.put("LASTDATE", (ev, c, env) -> edge(ev, c, env, false));
    for (String unit : List.of("MONTH", "QUARTER", "YEAR")) {
      m.put("STARTOF" + unit, (ev, c, env) -> bound(ev, c, env, unit, true));
      m.put("ENDOF" + unit, (ev, c, env) -> bound(ev, c, env, unit, false));
    }
  }

  private static ColumnStore dates(Evaluator ev, Node.Call c) {
    if (c.args().isEmpty()) {
      throw Values.error(c, c.function() + " needs a date column, such as 'Date'[Date].");
    }
    Node a = arg(c, 0);
    ColumnStore col = a instanceof Node.Ident ? ev.store().dateKey() : ev.column(a);
    if (col == null || !col.dataType().equalsIgnoreCase("DateTime")) {
      throw Values.error(
          a,
          c.function()
              + " needs a column of dates, such as the date column of the marked date table.");
    }
    return col;
  }

  private static TreeSet<LocalDateTime> visible(Evaluator ev, Node.Call c, Env env) {
    Relation r = Tables.distinct(List.of(dates(ev, c)), env.fc(), false);
    TreeSet<LocalDateTime> out = new TreeSet<>();
    for (int i = 0; i < r.size(); i++) {
      if (r.get(i, 0) instanceof LocalDateTime d) {
        out.add(d);
      }
    }
    return out;
  }

  private static TreeSet<LocalDateTime> all(Evaluator ev, Node.Call c) {
    ColumnStore col = dates(ev, c);
    return ev.memo(
        List.of("all-dates", col),
        () -> {
          TreeSet<LocalDateTime> out = new TreeSet<>();
          for (int id = 1; id <= col.distinctCount(); id++) {
            if (col.valueOf(id) instanceof LocalDateTime d) {
              out.add(d);
            }
          }
          return out;
        });
  }

  private static Relation result(Evaluator ev, Node.Call c, Iterable<LocalDateTime> dates) {
    ColumnStore col = dates(ev, c);
    List<Object[]> rows = new ArrayList<>();
    dates.forEach(d -> rows.add(new Object[] {d}));
    return new Relation.Shape().add(col.qualified(), col).rows(rows);
  }

  private static Relation between(Evaluator ev, Node.Call c, LocalDateTime from, LocalDateTime to) {
    if (from.isAfter(to)) {
      return result(ev, c, List.of());
    }
    return result(ev, c, all(ev, c).subSet(from, true, to, true));
  }

  static String unit(Node n) {
    String u = n instanceof Node.Ident id ? id.name().toUpperCase(Locale.ROOT) : "";
    if (!List.of("DAY", "MONTH", "QUARTER", "YEAR").contains(u)) {
      throw Values.error(n, "The interval must be DAY, MONTH, QUARTER or YEAR.");
    }
    return u;
  }

  private static long months(String unit) {
    return switch (unit) {
      case "YEAR" -> 12;
      case "QUARTER" -> 3;
      default -> 1;
    };
  }

  static LocalDateTime start(LocalDateTime d, String unit) {
    LocalDateTime day = d.truncatedTo(ChronoUnit.DAYS);
    return switch (unit) {
      case "YEAR" -> day.withDayOfYear(1);
      case "QUARTER" -> day.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
      case "MONTH" -> day.withDayOfMonth(1);
      default -> day;
    };
  }

  private static LocalDateTime end(LocalDateTime d, String unit) {
    return unit.equals("DAY")
        ? start(d, unit)
        : start(d, unit).plusMonths(months(unit)).minusDays(1);
  }

  private static Relation toDate(Evaluator ev, Node.Call c, Env env, String unit) {
    arity(c, 1, 2);
    TreeSet<LocalDateTime> visible = visible(ev, c, env);
    if (visible.isEmpty()) {
      return result(ev, c, List.of());
    }
    LocalDateTime last = visible.last();
    LocalDateTime from = start(last, unit);
    if (unit.equals("YEAR") && c.args().size() == 2) {
      LocalDateTime yearEnd = Dates.date(ev, c, 1, env).withYear(last.getYear());
      from = last.isAfter(yearEnd) ? yearEnd.plusDays(1) : yearEnd.minusYears(1).plusDays(1);
    }
    return between(ev, c, from, last);
  }

  private static Object total(Evaluator ev, Node.Call c, Env env, String unit) {
    arity(c, 2, 4);
    Node.Call datesCall =
        new Node.Call(
            "DATES" + (unit.equals("YEAR") ? "YTD" : unit.equals("QUARTER") ? "QTD" : "MTD"),
            c.args().size() == 4 ? List.of(arg(c, 1), arg(c, 3)) : List.of(arg(c, 1)),
            c.line(),
            c.column());
    Relation dates = toDate(ev, datesCall, env, unit);
    List<Node> extra = c.args().size() >= 3 ? List.of(arg(c, 2)) : List.of();
    FilterContext fc = Calculate.context(ev, extra, env, true);
    Filter f = Calculate.fromRelation(dates);
    fc = fc.without(dates.lineage(0).table().columns()).replace(f);
    return ev.scalar(arg(c, 0), new Env(fc, null, env.vars(), null));
  }

  /** DATEADD's shift: a last day of a month reaches to the end of the target month. */
  private static Relation shift(Evaluator ev, Node.Call c, Env env, long n, String unit) {
    TreeSet<LocalDateTime> visible = visible(ev, c, env);
    TreeSet<LocalDateTime> all = all(ev, c);
    TreeSet<LocalDateTime> out = new TreeSet<>();
    for (LocalDateTime d : visible) {
      if (unit.equals("DAY")) {
        out.add(d.plusDays(n));
        continue;
      }
      LocalDateTime t = d.plusMonths(n * months(unit));
      out.add(t);
      if (d.plusDays(1).getMonthValue() != d.getMonthValue()) {
        for (LocalDateTime x = t.plusDays(1);
            x.getMonthValue() == t.getMonthValue();
            x = x.plusDays(1)) {
          out.add(x);
        }
      }
    }
    out.retainAll(all);
    return result(ev, c, out);
  }

  private static Relation neighbour(Evaluator ev, Node.Call c, Env env, String unit, int step) {
    arity(c, 1, 2);
    TreeSet<LocalDateTime> visible = visible(ev, c, env);
    if (visible.isEmpty()) {
      return result(ev, c, List.of());
    }
    // As documented: PREVIOUSYEAR looks from the last date in context, the others from the first.
    LocalDateTime anchor = step < 0 && unit.equals("YEAR") ? visible.last() : visible.first();
    LocalDateTime from =
        unit.equals("DAY")
            ? start(anchor, unit).plusDays(step)
            : start(anchor, unit).plusMonths(step * months(unit));
    return between(ev, c, from, end(from, unit));
  }

  private static Relation edge(Evaluator ev, Node.Call c, Env env, boolean first) {
    arity(c, 1, 1);
    TreeSet<LocalDateTime> visible = visible(ev, c, env);
    return result(
        ev, c, visible.isEmpty() ? List.of() : List.of(first ? visible.first() : visible.last()));
  }

  private static Relation bound(Evaluator ev, Node.Call c, Env env, String unit, boolean first) {
    arity(c, 1, 2);
    TreeSet<LocalDateTime> visible = visible(ev, c, env);
    if (visible.isEmpty()) {
      return result(ev, c, List.of());
    }
    LocalDateTime d = first ? start(visible.first(), unit) : end(visible.last(), unit);
    TreeSet<LocalDateTime> all = all(ev, c);
    LocalDateTime hit = first ? all.ceiling(d) : all.floor(d);
    return result(ev, c, hit == null ? List.of() : List.of(hit));
  }
}
