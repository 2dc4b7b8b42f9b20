package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.time.LocalDateTime;
import java.util.Map;

/** Logical and information functions: IF, SWITCH, AND, OR, COALESCE, ISBLANK, DIVIDE, … */
final class Logic {
  private Logic() {}

  static void register(Map<String, Fn> m) {
    m.put("TRUE", (ev, c, env) -> noArgs(c, true));
    m.put("FALSE", (ev, c, env) -> noArgs(c, false));
    m.put("BLANK", (ev, c, env) -> noArgs(c, null));
    m.put(
        "IF",
        (ev, c, env) -> {
          arity(c, 2, 3);
          if (Values.truthy(ev.scalar(arg(c, 0), env))) {
            return ev.scalar(arg(c, 1), env);
          }
          return c.args().size() == 3 ? ev.scalar(arg(c, 2), env) : null;
        });
    m.put("IF.EAGER", m.get("IF"));
    m.put("SWITCH", Logic::switchFn);
    m.put(
        "AND",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return Values.truthy(ev.scalar(arg(c, 0), env))
              && Values.truthy(ev.scalar(arg(c, 1), env));
        });
    m.put(
        "OR",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return Values.truthy(ev.scalar(arg(c, 0), env))
              || Values.truthy(ev.scalar(arg(c, 1), env));
        });
    m.put(
        "NOT",
        (ev, c, env) -> {
          arity(c, 1, 1);
          return !Values.truthy(ev.scalar(arg(c, 0), env));
        });
    m.put(
        "COALESCE",
        (ev, c, env) -> {
          arity(c, 2, Integer.MAX_VALUE);
          for (Node a : c.args()) {
            Object v = ev.scalar(a, env);
            if (v != null) {
              return v;
            }
          }
          return null;
        });
    m.put("ISBLANK", (ev, c, env) -> one(ev, c, env) == null);
    m.put("ISNUMBER", (ev, c, env) -> one(ev, c, env) instanceof Number);
    m.put("ISTEXT", (ev, c, env) -> one(ev, c, env) instanceof String);
    m.put("ISNONTEXT", (ev, c, env) -> !(one(ev, c, env) instanceof String));
    m.put("ISLOGICAL", (ev, c, env) -> one(ev, c, env) instanceof Boolean);
    m.put("ISEVEN", (ev, c, env) -> ((long) Math.floor(Values.dbl(one(ev, c, env), c))) % 2 == 0);
    m.put("ISODD", (ev, c, env) -> ((long) Math.floor(Values.dbl(one(ev, c, env), c))) % 2 != 0);
    m.put(
        "IFERROR",
        (ev, c, env) -> {
          arity(c, 2, 2);
          try {
            Object v = ev.scalar(arg(c, 0), env);
            return v instanceof Double d && (d.isNaN() || d.isInfinite()) ? v : v;
          } catch (DaxException e) {
            return ev.scalar(arg(c, 1), env);
          }
        });
    m.put(
        "ISERROR",
        (ev, c, env) -> {
          arity(c, 1, 1);
          try {
            ev.scalar(arg(c, 0), env);
            return false;
          } catch (DaxException e) {
            return true;
          }
        });
    m.put("DIVIDE", Logic::divide);
    m.put("USERPRINCIPALNAME", (ev, c, env) -> noArgs(c, ev.userName()));
    m.put("USERNAME", (ev, c, env) -> noArgs(c, ev.userName()));
    m.put("USEROBJECTID", (ev, c, env) -> noArgs(c, ev.userName()));
    m.put("CUSTOMDATA", (ev, c, env) -> noArgs(c, ""));
    m.put("NOW", (ev, c, env) -> noArgs(c, LocalDateTime.now().withNano(0)));
    m.put("UTCNOW", (ev, c, env) -> noArgs(c, LocalDateTime.now().withNano(0)));
    m.put("TODAY", (ev, c, env) -> noArgs(c, LocalDateTime.now().toLocalDate().atStartOfDay()));
    m.put("UTCTODAY", m.get("TODAY"));
    m.put(
        "ERROR",
        (ev, c, env) -> {
          throw new DaxException(c.line(), c.column(), Values.text(one(ev, c, env)));
        });
  }

  private static Object noArgs(Node.Call c, Object v) {
    arity(c, 0, 0);
    return v;
  }

  static Object one(Evaluator ev, Node.Call c, Env env) {
    arity(c, 1, 1);
    return ev.scalar(arg(c, 0), env);
  }

  /** {@code SWITCH(expr, v1, r1, …[, else])}; SWITCH(TRUE(), …) tests conditions in order. */
  private static Object switchFn(Evaluator ev, Node.Call c, Env env) {
    arity(c, 3, Integer.MAX_VALUE);
    Object v = ev.scalar(arg(c, 0), env);
    int n = c.args().size();
    for (int i = 1; i + 1 < n; i += 2) {
      Object candidate = ev.scalar(arg(c, i), env);
      boolean match =
          v instanceof Boolean b && candidate instanceof Boolean
              ? b.equals(candidate)
              : Values.compare(v, candidate, arg(c, i)) == 0;
      if (match) {
        return ev.scalar(arg(c, i + 1), env);
      }
    }
    return n % 2 == 0 ? ev.scalar(arg(c, n - 1), env) : null;
  }

  private static Object divide(Evaluator ev, Node.Call c, Env env) {
    arity(c, 2, 3);
    Object num = ev.scalar(arg(c, 0), env);
    Object den = ev.scalar(arg(c, 1), env);
    if (den == null || Values.dbl(den, arg(c, 1)) == 0) {
      return c.args().size() == 3 ? ev.scalar(arg(c, 2), env) : null;
    }
    if (num == null) {
      return null;
    }
    return Values.dbl(num, arg(c, 0)) / Values.dbl(den, arg(c, 1));
  }
}
