package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Math functions: ABS, ROUND*, INT, MOD, POWER, SQRT, logarithms, trigonometry, … */
final class MathText {
  private MathText() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "ABS",
        (ev, c, env) -> {
          Object v = Logic.one(ev, c, env);
          return v instanceof Long l
              ? (Object) Math.abs(l)
              : v == null ? null : Math.abs(Values.dbl(v, c));
        });
    m.put("ROUND", (ev, c, env) -> round(ev, c, env, RoundingMode.HALF_UP));
    m.put("ROUNDUP", (ev, c, env) -> round(ev, c, env, RoundingMode.UP));
    m.put("ROUNDDOWN", (ev, c, env) -> round(ev, c, env, RoundingMode.DOWN));
    m.put("TRUNC", (ev, c, env) -> round(ev, c, env, RoundingMode.DOWN));
    m.put(
        "INT",
        (ev, c, env) -> {
          Object v = Logic.one(ev, c, env);
          return v == null ? null : (Object) (long) Math.floor(Values.dbl(v, c));
        });
    m.put(
        "MOD",
        (ev, c, env) -> {
          arity(c, 2, 2);
          Object a = ev.scalar(arg(c, 0), env);
          Object b = ev.scalar(arg(c, 1), env);
          if (a instanceof Long x && b instanceof Long y && y != 0) {
            return Math.floorMod(x, y);
          }
          double x = Values.dbl(a, c);
          double y = Values.dbl(b, c);
          if (y == 0) {
            throw Values.error(
                c,
                "An argument of function 'MOD' has the wrong data type or the result is too large or too small.");
          }
          return x - y * Math.floor(x / y);
        });
    m.put(
        "QUOTIENT",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return (long)
              (Values.dbl(ev.scalar(arg(c, 0), env), c) / Values.dbl(ev.scalar(arg(c, 1), env), c));
        });
    m.put(
        "POWER",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return Math.pow(
              Values.dbl(ev.scalar(arg(c, 0), env), c), Values.dbl(ev.scalar(arg(c, 1), env), c));
        });
    unary(m, "SQRT", Math::sqrt);
    unary(m, "EXP", Math::exp);
    unary(m, "LN", Math::log);
    unary(m, "LOG10", Math::log10);
    unary(m, "SIN", Math::sin);
    unary(m, "COS", Math::cos);
    unary(m, "TAN", Math::tan);
    unary(m, "ASIN", Math::asin);
    unary(m, "ACOS", Math::acos);
    unary(m, "ATAN", Math::atan);
    unary(m, "DEGREES", Math::toDegrees);
    unary(m, "RADIANS", Math::toRadians);
    m.put(
        "LOG",
        (ev, c, env) -> {
          arity(c, 1, 2);
          double base = c.args().size() == 2 ? Values.dbl(ev.scalar(arg(c, 1), env), c) : 10;
          return Math.log(Values.dbl(ev.scalar(arg(c, 0), env), c)) / Math.log(base);
        });
    m.put("PI", (ev, c, env) -> Math.PI);
    m.put("SIGN", (ev, c, env) -> (long) Math.signum(Values.dbl(Logic.one(ev, c, env), c)));
    m.put("CEILING", (ev, c, env) -> multiple(ev, c, env, RoundingMode.CEILING));
    m.put("FLOOR", (ev, c, env) -> multiple(ev, c, env, RoundingMode.FLOOR));
    m.put("MROUND", (ev, c, env) -> multiple(ev, c, env, RoundingMode.HALF_UP));
    m.put("EVEN", (ev, c, env) -> evenOdd(Values.dbl(Logic.one(ev, c, env), c), 0));
    m.put("ODD", (ev, c, env) -> evenOdd(Values.dbl(Logic.one(ev, c, env), c), 1));
    m.put(
        "CONVERT",
        (ev, c, env) -> {
          arity(c, 2, 2);
          Object v = ev.scalar(arg(c, 0), env);
          String type = arg(c, 1) instanceof Node.Ident id ? id.name().toUpperCase() : "";
          return switch (type) {
            case "INTEGER" -> v == null ? null : (Object) Math.round(Values.dbl(v, c));
            case "DOUBLE", "DECIMAL", "CURRENCY" -> v == null ? null : (Object) Values.dbl(v, c);
            case "STRING" -> v == null ? null : Values.text(v);
            case "BOOLEAN" -> v == null ? null : (Object) Values.truthy(v);
            case "DATETIME" -> v == null ? null : Values.fromSerial(Values.serial(v, c));
            default ->
                throw Values.error(
                    c, "CONVERT needs a data type such as INTEGER, DOUBLE or STRING.");
          };
        });
  }

  private static void unary(Map<String, Fn> m, String name, DoubleUnaryOperator f) {
    m.put(
        name,
        (ev, c, env) -> {
          Object v = Logic.one(ev, c, env);
          return f.applyAsDouble(Values.dbl(v, c));
        });
  }

  private static Object round(Evaluator ev, Node.Call c, Env env, RoundingMode mode) {
    arity(c, 1, 2);
    Object v = ev.scalar(arg(c, 0), env);
    if (v == null) {
      return null;
    }
    int digits = c.args().size() == 2 ? (int) Values.dbl(ev.scalar(arg(c, 1), env), c) : 0;
    double d = Values.dbl(v, c);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return BigDecimal.valueOf(d).setScale(digits, mode).doubleValue();
  }

  private static Object multiple(Evaluator ev, Node.Call c, Env env, RoundingMode mode) {
    arity(c, 1, 2);
    double v = Values.dbl(ev.scalar(arg(c, 0), env), c);
    double step = c.args().size() == 2 ? Values.dbl(ev.scalar(arg(c, 1), env), c) : 1;
    if (step == 0) {
      return 0.0;
    }
    BigDecimal q = BigDecimal.valueOf(v / step).setScale(0, mode);
    return q.doubleValue() * step;
  }

  private static Object evenOdd(double v, int parity) {
    long n = (long) Math.ceil(Math.abs(v));
    if (Math.floorMod(n, 2) != parity) {
      n++;
    }
    return v < 0 ? -n : n;
  }
}
