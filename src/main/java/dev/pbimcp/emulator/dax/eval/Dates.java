package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Date functions: DATE, YEAR … SECOND, WEEKDAY, WEEKNUM, EOMONTH, EDATE, DATEDIFF, CALENDAR. */
final class Dates {
  private Dates() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "DATE",
        (ev, c, env) -> {
          arity(c, 3, 3);
          long y = whole(ev, c, 0, env);
          long mo = whole(ev, c, 1, env);
          long d = whole(ev, c, 2, env);
          return LocalDate.of((int) y, 1, 1).plusMonths(mo - 1).plusDays(d - 1).atStartOfDay();
        });
    m.put(
        "TIME",
        (ev, c, env) -> {
          arity(c, 3, 3);
          long s = whole(ev, c, 0, env) * 3600 + whole(ev, c, 1, env) * 60 + whole(ev, c, 2, env);
          return LocalDate.of(1899, 12, 30).atStartOfDay().plusSeconds(Math.floorMod(s, 86_400));
        });
    part(m, "YEAR", LocalDateTime::getYear);
    part(m, "MONTH", LocalDateTime::getMonthValue);
    part(m, "DAY", LocalDateTime::getDayOfMonth);
    part(m, "HOUR", LocalDateTime::getHour);
    part(m, "MINUTE", LocalDateTime::getMinute);
    part(m, "SECOND", LocalDateTime::getSecond);
    part(m, "QUARTER", d -> (d.getMonthValue() - 1) / 3 + 1);
    m.put(
        "WEEKDAY",
        (ev, c, env) -> {
          arity(c, 1, 2);
          LocalDateTime d = date(ev, c, 0, env);
          if (d == null) {
            return null;
          }
          long type = c.args().size() == 2 ? whole(ev, c, 1, env) : 1;
          int iso = d.getDayOfWeek().getValue();
          return (long) (type == 2 ? iso : type == 3 ? iso - 1 : iso % 7 + 1);
        });
    m.put(
        "WEEKNUM",
        (ev, c, env) -> {
          arity(c, 1, 2);
          LocalDateTime d = date(ev, c, 0, env);
          if (d == null) {
            return null;
          }
          long type = c.args().size() == 2 ? whole(ev, c, 1, env) : 1;
          if (type == 21) {
            return (long) d.toLocalDate().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
          }
          DayOfWeek first = type == 2 ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY;
          LocalDate jan1 = d.toLocalDate().withDayOfYear(1);
          LocalDate weekStart = jan1.with(TemporalAdjusters.previousOrSame(first));
          return ChronoUnit.DAYS.between(weekStart, d.toLocalDate()) / 7 + 1;
        });
    m.put(
        "EOMONTH",
        (ev, c, env) -> {
          arity(c, 2, 2);
          LocalDateTime d = date(ev, c, 0, env);
          return d == null
              ? null
              : d.toLocalDate()
                  .plusMonths(whole(ev, c, 1, env))
                  .with(TemporalAdjusters.lastDayOfMonth())
                  .atStartOfDay();
        });
    m.put(
        "EDATE",
        (ev, c, env) -> {
          arity(c, 2, 2);
          LocalDateTime d = date(ev, c, 0, env);
          return d == null ? null : d.plusMonths(whole(ev, c, 1, env));
        });
    m.put("DATEDIFF", Dates::dateDiff);
    m.put(
        "DATEVALUE",
        (ev, c, env) -> {
          Object v = Logic.one(ev, c, env);
          return v instanceof String s
              ? parseText(s, c)
              : v == null ? null : Values.fromSerial(Math.floor(Values.serial(v, c)));
        });
    m.put(
        "CALENDAR",
        (ev, c, env) -> {
          arity(c, 2, 2);
          LocalDateTime from = date(ev, c, 0, env);
          LocalDateTime to = date(ev, c, 1, env);
          List<Object[]> rows = new ArrayList<>();
          for (LocalDateTime d = from.truncatedTo(ChronoUnit.DAYS);
              !d.isAfter(to);
              d = d.plusDays(1)) {
            rows.add(new Object[] {d});
          }
          return new Relation.Shape().add("[Date]", null).rows(rows);
        });
  }

  private static void part(Map<String, Fn> m, String name, ToLongFunction<LocalDateTime> f) {
    m.put(
        name,
        (ev, c, env) -> {
          arity(c, 1, 1);
          LocalDateTime d = date(ev, c, 0, env);
          return d == null ? null : (Object) f.applyAsLong(d);
        });
  }

  static LocalDateTime date(Evaluator ev, Node.Call c, int i, Env env) {
    Object v = ev.scalar(arg(c, i), env);
    if (v == null || v instanceof LocalDateTime) {
      return (LocalDateTime) v;
    }
    if (v instanceof String s) {
      return parseText(s, arg(c, i));
    }
    return Values.fromSerial(Values.serial(v, arg(c, i)));
  }

  static LocalDateTime parseText(String s, Node at) {
    for (String p : List.of("yyyy-MM-dd", "M/d/yyyy", "yyyy/M/d", "d MMMM yyyy", "MMMM d, yyyy")) {
      try {
        return LocalDate.parse(s.trim(), DateTimeFormatter.ofPattern(p, Locale.US)).atStartOfDay();
      } catch (DateTimeParseException e) {
        // try the next pattern
      }
    }
    try {
      return LocalDateTime.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw Values.error(at, "Cannot convert value '" + s + "' of type Text to type Date.");
    }
  }

  static long whole(Evaluator ev, Node.Call c, int i, Env env) {
    return (long) Math.floor(Values.dbl(ev.scalar(arg(c, i), env), arg(c, i)));
  }

  private static Object dateDiff(Evaluator ev, Node.Call c, Env env) {
    arity(c, 3, 3);
    LocalDateTime a = date(ev, c, 0, env);
    LocalDateTime b = date(ev, c, 1, env);
    if (a == null || b == null) {
      return null;
    }
    String unit = arg(c, 2) instanceof Node.Ident id ? id.name().toUpperCase(Locale.ROOT) : "";
    return switch (unit) {
      case "SECOND" -> ChronoUnit.SECONDS.between(a, b);
      case "MINUTE" ->
          ChronoUnit.MINUTES.between(
              a.truncatedTo(ChronoUnit.MINUTES), b.truncatedTo(ChronoUnit.MINUTES));
      case "HOUR" ->
          ChronoUnit.HOURS.between(
              a.truncatedTo(ChronoUnit.HOURS), b.truncatedTo(ChronoUnit.HOURS));
      case "DAY" -> ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
      case "WEEK" ->
          ChronoUnit.WEEKS.between(
              a.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)),
              b.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
      case "MONTH" -> (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
      case "QUARTER" ->
          (b.getYear() - a.getYear()) * 4L
              + (b.getMonthValue() - 1) / 3
              - (a.getMonthValue() - 1) / 3;
      case "YEAR" -> (long) b.getYear() - a.getYear();
      default ->
          throw Values.error(
              c,
              "DATEDIFF needs an interval: SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR.");
    };
  }
}
