package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.syntax.Node;

/** A DAX function: returns a scalar value or a {@link Relation}. */
@FunctionalInterface
interface Fn {
  Object apply(Evaluator ev, Node.Call call, Env env);
}
