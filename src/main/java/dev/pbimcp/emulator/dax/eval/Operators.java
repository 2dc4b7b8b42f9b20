package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.syntax.Node;

/** DAX's binary operators. */
final class Operators {
  private Operators() {}

  static Object binary(Evaluator ev, Node.Binary b, Env env) {
    if (b.op().equals("IN")) {
      return in(ev, b, env);
    }
    Object l = ev.scalar(b.left(), env);
    if (b.op().equals("&&") && !Values.truthy(l)) {
      return false;
    }
    if (b.op().equals("||") && Values.truthy(l)) {
      return true;
    }
    Object r = ev.scalar(b.right(), env);
    return switch (b.op()) {
      case "&&", "||" -> Values.truthy(r);
      case "&" -> Values.text(l) + Values.text(r);
      case "=" -> Values.compare(l, r, b) == 0;
      case "==" -> Values.strictEquals(l, r, b);
      case "<>" -> Values.compare(l, r, b) != 0;
      case "<" -> Values.compare(l, r, b) < 0;
      case ">" -> Values.compare(l, r, b) > 0;
      case "<=" -> Values.compare(l, r, b) <= 0;
      case ">=" -> Values.compare(l, r, b) >= 0;
      default -> Values.arithmetic(b.op(), l, r, b);
    };
  }

  /** {@code x IN table}: strict equality with a value of a one-column table. */
  private static boolean in(Evaluator ev, Node.Binary b, Env env) {
    Relation table = ev.table(b.right(), env);
    if (b.left() instanceof Node.TableCtor tuple && tuple.rows().size() == 1) {
      Object[] probe = tuple.rows().get(0).stream().map(x -> ev.scalar(x, env)).toArray();
      for (int r = 0; r < table.size(); r++) {
        boolean all = table.width() == probe.length;
        for (int c = 0; all && c < probe.length; c++) {
          all = Values.strictEquals(probe[c], table.get(r, c), b);
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
    Object v = ev.scalar(b.left(), env);
    for (int r = 0; r < table.size(); r++) {
      if (Values.strictEquals(v, table.get(r, 0), b)) {
        return true;
      }
    }
    return false;
  }
}
