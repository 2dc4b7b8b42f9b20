package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * DAX's scalar values and their rules. A value is null (BLANK), Long (Int64), Double, String,
 * Boolean or LocalDateTime. BLANK is 0, "" or FALSE next to a value of that type in arithmetic and
 * comparison, except in {@code ==}; integer arithmetic stays integral; division is decimal.
 */
public final class Values {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
  private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ofPattern("M/d/yyyy");
  private static final DateTimeFormatter DATE_TIME_TEXT =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

  private Values() {}

  /** The engine's form of a stored value of a column of {@code dataType}. */
  public static Object normalize(Object v, String dataType) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      v = ((Number) v).longValue();
    } else if (v instanceof Float || v instanceof BigDecimal) {
      v = ((Number) v).doubleValue();
    }
    if (v instanceof Long l && dataType != null && !dataType.equalsIgnoreCase("Int64")) {
      return dataType.equalsIgnoreCase("String") ? l.toString() : (Object) l.doubleValue();
    }
    return v;
  }

  /** The identity of a value for grouping and lookups: text ignores case, numbers their type. */
  public static Object key(Object v) {
    if (v instanceof String s) {
      return s.toLowerCase(Locale.ROOT);
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == 0 ? 0.0 : d;
    }
    return v;
  }

  public static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return s.equalsIgnoreCase("true");
    }
    throw new DaxException(
        "Cannot convert value '" + text(v) + "' of type " + typeName(v) + " to type True/False.");
  }

  public static Object arithmetic(String op, Object l, Object r, Node at) {
    if (l == null && r == null) {
      return null;
    }
    if (l instanceof LocalDateTime || r instanceof LocalDateTime) {
      return dateArithmetic(op, l, r, at);
    }
    Number x = l == null ? null : number(l, at);
    Number y = r == null ? null : number(r, at);
    switch (op) {
      case "*":
        if (x == null || y == null) {
          return null;
        }
        break;
      case "/":
        if (x == null) {
          return null;
        }
        return x.doubleValue() / (y == null ? 0.0 : y.doubleValue());
      case "^":
        return Math.pow(x == null ? 0 : x.doubleValue(), y == null ? 0 : y.doubleValue());
      default:
        break;
    }
    if (x == null) {
      x = 0L;
    }
    if (y == null) {
      y = 0L;
    }
    if (x instanceof Long a && y instanceof Long b) {
      try {
        return switch (op) {
          case "+" -> Math.addExact(a, b);
          case "-" -> Math.subtractExact(a, b);
          default -> Math.multiplyExact(a, b);
        };
      } catch (ArithmeticException overflow) {
        // beyond Int64 the result is decimal, as in DAX
      }
    }
    double a = x.doubleValue();
    double b = y.doubleValue();
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      default -> a * b;
    };
  }

  private static Object dateArithmetic(String op, Object l, Object r, Node at) {
    double a = l == null ? 0 : serial(l, at);
    double b = r == null ? 0 : serial(r, at);
    double v =
        switch (op) {
          case "+" -> a + b;
          case "-" -> a - b;
          case "*" -> a * b;
          case "/" -> a / b;
          default -> Math.pow(a, b);
        };
    boolean dateResult =
        (op.equals("+") && (l instanceof LocalDateTime ^ r instanceof LocalDateTime))
            || (op.equals("-") && l instanceof LocalDateTime && !(r instanceof LocalDateTime));
    return dateResult ? fromSerial(v) : (Object) v;
  }

  /** A date's number: days since 1899-12-30, the fraction the time of day. */
  public static double serial(Object v, Node at) {
    if (v instanceof LocalDateTime d) {
      return ChronoUnit.SECONDS.between(EPOCH, d) / 86_400.0;
    }
    return number(v, at).doubleValue();
  }

  public static LocalDateTime fromSerial(double days) {
    return EPOCH.plusSeconds(Math.round(days * 86_400));
  }

  public static Number number(Object v, Node at) {
    if (v == null) {
      return 0L;
    }
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof LocalDateTime) {
      return serial(v, at);
    }
    String s = ((String) v).trim();
    try {
      return s.matches("[-+]?\\d+") ? (Number) Long.parseLong(s) : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw error(at, "Cannot convert value '" + v + "' of type Text to type Number.");
    }
  }

  public static double dbl(Object v, Node at) {
    return number(v, at).doubleValue();
  }

  /** DAX's text of a value, as {@code &} and CONCATENATEX write it. */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof LocalDateTime d) {
      return d.toLocalTime().toSecondOfDay() == 0 ? DATE_TEXT.format(d) : DATE_TIME_TEXT.format(d);
    }
    return v.toString();
  }

  /** {@code =}, {@code <} and friends: -1, 0 or 1, with BLANK as the other side's zero. */
  public static int compare(Object a, Object b, Node at) {
    if (a == null && b == null) {
      return 0;
    }
    if (a == null) {
      a = zeroLike(b);
    }
    if (b == null) {
      b = zeroLike(a);
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareToIgnoreCase(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    boolean an = a instanceof Number || a instanceof LocalDateTime || a instanceof Boolean;
    boolean bn = b instanceof Number || b instanceof LocalDateTime || b instanceof Boolean;
    if (an && bn && !(a instanceof Boolean) && !(b instanceof Boolean)) {
      return Double.compare(serial(a, at), serial(b, at));
    }
    throw error(
        at,
        "DAX comparison operations do not support comparing values of type "
            + typeName(a)
            + " with values of type "
            + typeName(b)
            + ". Consider using the VALUE or FORMAT function to convert one of the values.");
  }

  /** {@code ==}: BLANK equals only BLANK. */
  public static boolean strictEquals(Object a, Object b, Node at) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return compare(a, b, at) == 0;
  }

  private static Object zeroLike(Object other) {
    if (other instanceof String) {
      return "";
    }
    if (other instanceof Boolean) {
      return false;
    }
    return other instanceof LocalDateTime ? EPOCH : 0L;
  }

  /** Sort order: BLANK first, then numbers and dates, text (ignoring case), then booleans. */
  public static int order(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (ra) {
      case 0 -> Double.compare(serial(a, null), serial(b, null));
      case 1 -> ((String) a).compareToIgnoreCase((String) b);
      default -> Boolean.compare((Boolean) a, (Boolean) b);
    };
  }

  private static int rank(Object v) {
    return v instanceof String ? 1 : v instanceof Boolean ? 2 : 0;
  }

  public static String typeName(Object v) {
    if (v instanceof String) {
      return "Text";
    }
    if (v instanceof Long) {
      return "Integer";
    }
    if (v instanceof Number) {
      return "Number";
    }
    return v instanceof Boolean ? "True/False" : v instanceof LocalDateTime ? "Date" : "Blank";
  }

  public static DaxException error(Node at, String message) {
    return at == null
        ? new DaxException(message)
        : new DaxException(at.line(), at.column(), message);
  }
}
