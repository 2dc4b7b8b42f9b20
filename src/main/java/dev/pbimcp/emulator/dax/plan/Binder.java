package dev.pbimcp.emulator.dax.plan;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import dev.pbimcp.emulator.dax.syntax.Query;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a query's names: {@code 'Table'[Column]} must exist (or name a query variable), and every
 * function must be one the engine evaluates. Measures and bare {@code [Name]}s are left to
 * evaluation, where a row context may give them a meaning.
 */
public final class Binder {
  private final ModelStore store;
  private final Predicate<String> knownFunction;
  private final Set<String> variables = new HashSet<>();

  private Binder(ModelStore store, Predicate<String> knownFunction) {
    this.store = store;
    this.knownFunction = knownFunction;
  }

  public static void bind(Query q, ModelStore store, Predicate<String> knownFunction) {
    Binder b = new Binder(store, knownFunction);
    q.vars().forEach(v -> b.variables.add(v.name().toLowerCase(Locale.ROOT)));
    q.vars().forEach(v -> b.walk(v.value()));
    q.measures().forEach(m -> b.walk(m.expression()));
    for (Query.Evaluate e : q.evaluates()) {
      b.walk(e.table());
      e.orderBy().forEach(k -> b.walk(k.expression()));
      e.startAt().forEach(b::walk);
    }
  }

  private void walk(Node n) {
    if (n instanceof Node.ColumnRef c) {
      column(c);
    } else if (n instanceof Node.Call c) {
      if (!knownFunction.test(c.function())) {
        throw DaxException.unsupportedFunction(c.function(), c.line(), c.column());
      }
      c.args().forEach(this::walk);
    } else if (n instanceof Node.Binary b) {
      walk(b.left());
      walk(b.right());
    } else if (n instanceof Node.Unary u) {
      walk(u.operand());
    } else if (n instanceof Node.TableCtor t) {
      t.rows().forEach(r -> r.forEach(this::walk));
    } else if (n instanceof Node.VarBlock vb) {
      for (Node.Var v : vb.vars()) {
        walk(v.value());
        variables.add(v.name().toLowerCase(Locale.ROOT));
      }
      walk(vb.body());
    }
  }

  private void column(Node.ColumnRef c) {
    TableStore t = store.table(c.table());
    if (t == null) {
      if (variables.contains(c.table().toLowerCase(Locale.ROOT))) {
        return;
      }
      throw DaxException.noTable(c.table(), c.line(), c.column());
    }
    if (t.column(c.name()) == null) {
      throw DaxException.noColumn(c.table(), c.name(), c.line(), c.column());
    }
  }
}
