package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import dev.pbimcp.emulator.dax.syntax.Parser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates expressions of one query. Holds the measures in scope (the model's, then the query's
 * DEFINE MEASUREs) and a memo of aggregates per filter context, so equal contexts are computed
 * once.
 */
public final class Evaluator {
  private static final int MAX_DEPTH = 200;

  private final ModelStore store;
  private final Map<String, Node> measures;
  private final Map<Object, Object> memo = new HashMap<>();
  private final Map<Node, ColumnStore> columns = new java.util.IdentityHashMap<>();
  private Env.Scope queryVars;
  private int depth;
  private String userName = "";

  public Evaluator(ModelStore store, Map<String, Node> measures) {
    this.store = store;
    this.measures = measures;
  }

  /** The effective identity USERPRINCIPALNAME() returns. */
  public void userName(String name) {
    this.userName = name == null ? "" : name;
  }

  String userName() {
    return userName;
  }

  public ModelStore store() {
    return store;
  }

  public void defineVar(String name, Node value, FilterContext fc) {
    Object v = eval(value, new Env(fc, null, queryVars, null));
    queryVars = new Env.Scope(name, v, queryVars);
  }

  public Env root(FilterContext fc) {
    return new Env(fc, null, queryVars, null);
  }

  boolean isMeasure(String name) {
    return measures.containsKey(name.toLowerCase(Locale.ROOT));
  }

  @SuppressWarnings("unchecked")
  <T> T memo(Object key, Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null && !memo.containsKey(key)) {
      v = compute.get();
      memo.put(key, v);
    }
    return (T) v;
  }

  /** A scalar: a one-column, one-row table gives its value, an empty one BLANK. */
  public Object scalar(Node n, Env env) {
    Object v = eval(n, env);
    if (v instanceof Relation r) {
      if (r.size() == 0) {
        return null;
      }
      if (r.width() == 1 && r.size() == 1) {
        return r.get(0, 0);
      }
      throw new DaxException(
          n.line(),
          n.column(),
          "A table of multiple values was supplied where a single value was expected.");
    }
    return v;
  }

  public Relation table(Node n, Env env) {
    if (n instanceof Node.ColumnRef c && !isVarTable(c.table(), env)) {
      throw new DaxException(
          n.line(),
          n.column(),
          "A table expression was expected here; wrap the column in VALUES or ALL.");
    }
    Object v = eval(n, env);
    if (v instanceof Relation r) {
      return r;
    }
    throw new DaxException(n.line(), n.column(), "A table expression was expected here.");
  }

  private boolean isVarTable(String name, Env env) {
    return env.vars() != null && env.vars().has(name);
  }

  Object eval(Node n, Env env) {
    if (++depth > MAX_DEPTH) {
      depth--;
      throw new DaxException(n.line(), n.column(), "The expression is nested too deeply.");
    }
    try {
      return evalNode(n, env);
    } finally {
      depth--;
    }
  }

  private Object evalNode(Node n, Env env) {
    if (n instanceof Node.Literal l) {
      return l.value() instanceof Parser.Omitted ? null : l.value();
    }
    if (n instanceof Node.Call c) {
      Fn fn = Functions.get(c.function());
      if (fn == null) {
        throw unsupported(c);
      }
      return fn.apply(this, c, env);
    }
    if (n instanceof Node.ColumnRef c) {
      return columnValue(c, env);
    }
    if (n instanceof Node.NameRef r) {
      return name(r, env);
    }
    if (n instanceof Node.Ident id) {
      return ident(id, env);
    }
    if (n instanceof Node.Binary b) {
      return Operators.binary(this, b, env);
    }
    if (n instanceof Node.Unary u) {
      Object v = scalar(u.operand(), env);
      return switch (u.op()) {
        case "NOT" -> !Values.truthy(v);
        case "-" -> v == null ? null : Values.arithmetic("-", 0L, v, u);
        default -> v;
      };
    }
    if (n instanceof Node.VarBlock vb) {
      Env e = env;
      for (Node.Var v : vb.vars()) {
        e = e.withVar(v.name(), eval(v.value(), e));
      }
      return eval(vb.body(), e);
    }
    if (n instanceof Node.TableCtor t) {
      return LiteralTables.constructor(this, t, env);
    }
    throw new DaxException(n.line(), n.column(), "This expression cannot be evaluated here.");
  }

  private Object ident(Node.Ident id, Env env) {
    if (!id.quoted() && env.vars() != null && env.vars().has(id.name())) {
      return env.vars().find(id.name());
    }
    TableStore t = store.table(id.name());
    if (t == null) {
      if (!id.quoted()
          && (id.name().equalsIgnoreCase("TRUE") || id.name().equalsIgnoreCase("FALSE"))) {
        return id.name().equalsIgnoreCase("TRUE");
      }
      if (env.vars() != null && env.vars().has(id.name())) {
        return env.vars().find(id.name());
      }
      throw DaxException.noTable(id.name(), id.line(), id.column());
    }
    return Relation.Base.of(t, env.fc().rows(t));
  }

  /** {@code [Name]}: a column of the row context named so, else a measure. */
  private Object name(Node.NameRef r, Env env) {
    String exact = "[" + r.name() + "]";
    for (Env.Frame f = env.frame(); f != null; f = f.outer()) {
      int c = f.relation().indexOf(exact);
      if (c >= 0) {
        return f.relation().get(f.row(), c);
      }
    }
    if (isMeasure(r.name())) {
      return measure(r.name(), r, env);
    }
    String suffix = exact.toLowerCase(Locale.ROOT);
    for (Env.Frame f = env.frame(); f != null; f = f.outer()) {
      for (int c = 0; c < f.relation().width(); c++) {
        if (f.relation().name(c).toLowerCase(Locale.ROOT).endsWith(suffix)) {
          return f.relation().get(f.row(), c);
        }
      }
    }
    throw new DaxException(
        r.line(), r.column(), "The column or measure '" + r.name() + "' cannot be found.");
  }

  /** A measure: evaluated after context transition, without the caller's variables. */
  Object measure(String name, Node at, Env env) {
    Node body = measures.get(name.toLowerCase(Locale.ROOT));
    return eval(body, env.forMeasure(transition(env), queryVars));
  }

  /** Context transition: every row of the row context becomes a filter. */
  public FilterContext transition(Env env) {
    return RowContext.transition(env);
  }

  /** The value of a column in the row context. */
  Object columnValue(Node.ColumnRef c, Env env) {
    return RowContext.value(column(c), c, env);
  }

  public ColumnStore column(Node n) {
    ColumnStore known = columns.get(n);
    if (known != null) {
      return known;
    }
    ColumnStore col = resolve(n);
    columns.put(n, col);
    return col;
  }

  private ColumnStore resolve(Node n) {
    if (!(n instanceof Node.ColumnRef c)) {
      throw new DaxException(n.line(), n.column(), "A column reference was expected here.");
    }
    TableStore t = store.table(c.table());
    if (t == null) {
      throw DaxException.noTable(c.table(), c.line(), c.column());
    }
    ColumnStore col = t.column(c.name());
    if (col == null) {
      throw DaxException.noColumn(c.table(), c.name(), c.line(), c.column());
    }
    return col;
  }

  public TableStore tableStore(Node n) {
    if (n instanceof Node.Ident id && store.table(id.name()) != null) {
      return store.table(id.name());
    }
    throw new DaxException(n.line(), n.column(), "A table of the model was expected here.");
  }

  /** Whether the engine evaluates a function of this (upper-case) name. */
  public static boolean knows(String function) {
    return Functions.get(function) != null;
  }

  static DaxException unsupported(Node.Call c) {
    return DaxException.unsupportedFunction(c.function(), c.line(), c.column());
  }

  static Node arg(Node.Call c, int i) {
    return c.args().get(i);
  }

  /** Checks the argument count. */
  static void arity(Node.Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      String want =
          min == max ? "" + min : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw new DaxException(
          c.line(),
          c.column(),
          "Too "
              + (n < min ? "few" : "many")
              + " arguments were passed to the "
              + c.function()
              + " function. It takes "
              + want
              + " argument(s).");
    }
  }
}
