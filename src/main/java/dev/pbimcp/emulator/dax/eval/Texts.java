package dev.pbimcp.emulator.dax.eval;

import static dev.pbimcp.emulator.dax.eval.Evaluator.arg;
import static dev.pbimcp.emulator.dax.eval.Evaluator.arity;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Text functions: CONCATENATE, LEFT, MID, SEARCH, SUBSTITUTE, FORMAT, VALUE, … */
final class Texts {
  private Texts() {}

  static void register(Map<String, Fn> m) {
    m.put(
        "CONCATENATE",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return text(ev, c, 0, env) + text(ev, c, 1, env);
        });
    m.put(
        "LEFT",
        (ev, c, env) -> {
          arity(c, 1, 2);
          String s = text(ev, c, 0, env);
          return s.substring(0, Math.min(s.length(), count(ev, c, 1, env, 1)));
        });
    m.put(
        "RIGHT",
        (ev, c, env) -> {
          arity(c, 1, 2);
          String s = text(ev, c, 0, env);
          return s.substring(Math.max(0, s.length() - count(ev, c, 1, env, 1)));
        });
    m.put(
        "MID",
        (ev, c, env) -> {
          arity(c, 3, 3);
          String s = text(ev, c, 0, env);
          int start = Math.max(1, count(ev, c, 1, env, 1)) - 1;
          int n = count(ev, c, 2, env, 0);
          return start >= s.length() ? "" : s.substring(start, Math.min(s.length(), start + n));
        });
    m.put("LEN", (ev, c, env) -> (long) text(ev, one(c), 0, env).length());
    m.put("UPPER", (ev, c, env) -> text(ev, one(c), 0, env).toUpperCase(Locale.ROOT));
    m.put("LOWER", (ev, c, env) -> text(ev, one(c), 0, env).toLowerCase(Locale.ROOT));
    m.put("TRIM", (ev, c, env) -> text(ev, one(c), 0, env).trim().replaceAll(" {2,}", " "));
    m.put(
        "SUBSTITUTE",
        (ev, c, env) -> {
          arity(c, 3, 4);
          String s = text(ev, c, 0, env);
          String old = text(ev, c, 1, env);
          String by = text(ev, c, 2, env);
          if (old.isEmpty()) {
            return s;
          }
          if (c.args().size() == 3) {
            return s.replace(old, by);
          }
          int nth = count(ev, c, 3, env, 1);
          int at = -1;
          for (int k = 0; k < nth; k++) {
            at = s.indexOf(old, at + 1);
            if (at < 0) {
              return s;
            }
          }
          return s.substring(0, at) + by + s.substring(at + old.length());
        });
    m.put(
        "REPLACE",
        (ev, c, env) -> {
          arity(c, 4, 4);
          String s = text(ev, c, 0, env);
          int start = Math.min(s.length(), Math.max(0, count(ev, c, 1, env, 1) - 1));
          int n = count(ev, c, 2, env, 0);
          return s.substring(0, start)
              + text(ev, c, 3, env)
              + s.substring(Math.min(s.length(), start + n));
        });
    m.put(
        "REPT",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return text(ev, c, 0, env).repeat(Math.max(0, count(ev, c, 1, env, 0)));
        });
    m.put(
        "EXACT",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return text(ev, c, 0, env).equals(text(ev, c, 1, env));
        });
    m.put("SEARCH", (ev, c, env) -> find(ev, c, env, false));
    m.put("FIND", (ev, c, env) -> find(ev, c, env, true));
    m.put(
        "CONTAINSSTRING",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return wildcard(text(ev, c, 1, env), true).matcher(text(ev, c, 0, env)).find();
        });
    m.put(
        "CONTAINSSTRINGEXACT",
        (ev, c, env) -> {
          arity(c, 2, 2);
          return text(ev, c, 0, env).contains(text(ev, c, 1, env));
        });
    m.put(
        "VALUE",
        (ev, c, env) -> {
          Object v = Logic.one(ev, c, env);
          return v == null
              ? null
              : Values.number(v instanceof String s ? s.replace(",", "") : v, c);
        });
    m.put(
        "FORMAT",
        (ev, c, env) -> {
          arity(c, 2, 3);
          return Formats.format(ev.scalar(arg(c, 0), env), text(ev, c, 1, env), c);
        });
    m.put(
        "FIXED",
        (ev, c, env) -> {
          arity(c, 1, 3);
          int digits = c.args().size() > 1 ? count(ev, c, 1, env, 2) : 2;
          boolean noCommas = c.args().size() > 2 && Values.truthy(ev.scalar(arg(c, 2), env));
          String pattern = (noCommas ? "0" : "#,0") + (digits > 0 ? "." + "0".repeat(digits) : "");
          return Formats.format(ev.scalar(arg(c, 0), env), pattern, c);
        });
    m.put("UNICHAR", (ev, c, env) -> new String(Character.toChars(count(ev, one(c), 0, env, 0))));
    m.put(
        "UNICODE",
        (ev, c, env) -> {
          String s = text(ev, one(c), 0, env);
          return s.isEmpty() ? null : (Object) (long) s.codePointAt(0);
        });
    m.put(
        "COMBINEVALUES",
        (ev, c, env) -> {
          arity(c, 3, Integer.MAX_VALUE);
          String sep = text(ev, c, 0, env);
          StringBuilder b = new StringBuilder();
          for (int i = 1; i < c.args().size(); i++) {
            b.append(i > 1 ? sep : "").append(text(ev, c, i, env));
          }
          return b.toString();
        });
  }

  private static Node.Call one(Node.Call c) {
    arity(c, 1, 1);
    return c;
  }

  static String text(Evaluator ev, Node.Call c, int i, Env env) {
    return Values.text(ev.scalar(arg(c, i), env));
  }

  private static int count(Evaluator ev, Node.Call c, int i, Env env, int otherwise) {
    if (i >= c.args().size()) {
      return otherwise;
    }
    Object v = ev.scalar(arg(c, i), env);
    return v == null ? otherwise : (int) Values.dbl(v, arg(c, i));
  }

  /** FIND (case-sensitive) and SEARCH (case-insensitive, with ? and * wildcards). */
  private static Object find(Evaluator ev, Node.Call c, Env env, boolean exact) {
    arity(c, 2, 4);
    String what = text(ev, c, 0, env);
    String within = text(ev, c, 1, env);
    int start = count(ev, c, 2, env, 1) - 1;
    int at = -1;
    if (start >= 0 && start <= within.length()) {
      if (exact) {
        at = within.indexOf(what, start);
      } else {
        var matcher = wildcard(what, true).matcher(within);
        at = matcher.find(start) ? matcher.start() : -1;
      }
    }
    if (at >= 0) {
      return (long) at + 1;
    }
    if (c.args().size() == 4) {
      return ev.scalar(arg(c, 3), env);
    }
    throw Values.error(
        c,
        "The search Text provided to function '"
            + c.function()
            + "' could not be found in the given text.");
  }

  private static Pattern wildcard(String what, boolean wildcards) {
    StringBuilder re = new StringBuilder();
    for (char ch : what.toCharArray()) {
      if (wildcards && ch == '*') {
        re.append(".*");
      } else if (wildcards && ch == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
