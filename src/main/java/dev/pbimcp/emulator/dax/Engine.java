package dev.pbimcp.emulator.dax;

import dev.pbimcp.emulator.dax.eval.Evaluator;
import dev.pbimcp.emulator.dax.eval.Relation;
import dev.pbimcp.emulator.dax.eval.Statements;
import dev.pbimcp.emulator.dax.filter.Filter;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.plan.Binder;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import dev.pbimcp.emulator.dax.syntax.Parser;
import dev.pbimcp.emulator.dax.syntax.Query;
import dev.pbimcp.emulator.model.Model;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DAX engine of one model: its column store, built once, and its measures, parsed once. Every
 * query gets a fresh evaluator; the store is immutable, so queries may run concurrently.
 */
public final class Engine {
  private final ModelStore store;
  private final Map<String, Node> measures = new HashMap<>();
  private final Map<String, List<Filter>> security = new ConcurrentHashMap<>();

  private Engine(Model model) {
    this.store = ModelStore.build(model);
    for (Model.Measure m : model.measures()) {
      try {
        measures.put(m.name().toLowerCase(Locale.ROOT), Parser.expression(m.expression()));
      } catch (DaxException e) {
        throw new DaxException(
            "The measure [" + m.name() + "] of the model is not valid DAX: " + e.getMessage());
      }
    }
  }

  public static Engine of(Model model) {
    return new Engine(model);
  }

  public Model model() {
    return store.definition();
  }

  private List<Filter> security(String user) {
    if (security.size() > 1_000) {
      security.clear();
    }
    return security.computeIfAbsent(user.toLowerCase(Locale.ROOT), u -> roleFilters(user));
  }

  private List<Filter> roleFilters(String user) {
    Map<TableStore, BitSet> allowed = new LinkedHashMap<>();
    for (Model.Role role : store.definition().roles()) {
      for (Model.TableFilter f : role.filters()) {
        allowed.putIfAbsent(table(f.table()), new BitSet());
      }
    }
    Evaluator ev = new Evaluator(store, measures);
    ev.userName(user);
    for (Model.Role role : store.definition().roles()) {
      boolean member =
          role.members().stream().anyMatch(m -> m.equals("*") || m.equalsIgnoreCase(user));
      for (Model.TableFilter f : member ? role.filters() : List.<Model.TableFilter>of()) {
        Node predicate = Parser.expression(f.expression());
        TableStore t = table(f.table());
        allowed.get(t).or(Statements.rowsWhere(ev, t, predicate, FilterContext.empty(store)));
      }
    }
    List<Filter> filters = new ArrayList<>();
    allowed.forEach((t, rows) -> filters.add(new Filter.Rows(t, rows)));
    return filters;
  }

  private TableStore table(String name) {
    TableStore t = store.table(name);
    if (t == null) {
      throw new DaxException("A role filters the table '" + name + "', which is not in the model.");
    }
    return t;
  }

  /**
   * A calculated column: the value of {@code expression} for every row of {@code table}, in row
   * order, each in its row's context with no filters (as Power BI evaluates it at refresh).
   */
  public Object[] columnValues(String table, String expression) {
    Node e = Parser.expression(expression);
    TableStore t = table(table);
    Binder.bind(
        new Query(List.of(), List.of(new Node.Var("column", e)), List.of(), List.of()),
        store,
        Evaluator::knows);
    return Statements.valuesPerRow(
        new Evaluator(store, measures), t, e, FilterContext.empty(store));
  }

  /** One result table per EVALUATE: {@code Table[Column]} or {@code [Name]} columns, and rows. */
  public record Result(List<String> columns, List<Object[]> rows) {}

  /** Runs a query as {@code user} (what USERPRINCIPALNAME() returns), unrestricted. */
  public List<Result> run(String query, String user) {
    return run(query, user, false);
  }

  /**
   * Runs a query as {@code user}; with {@code secured}, the model's row-level security applies: the
   * rows of each secured table are those the user's roles allow (a user in no role sees none).
   */
  public List<Result> run(String query, String user, boolean secured) {
    return run(Parser.query(query), user, secured);
  }

  /**
   * A table expression's rows, as a calculated table's at refresh: parsed as written, so that an
   * error's line and column are the expression's own (an {@code EVALUATE} put in front shifted the
   * first line's by nine).
   */
  public Result calculatedTable(String expression) {
    Query q =
        new Query(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Query.Evaluate(Parser.expression(expression), List.of(), List.of())));
    return run(q, "", false).get(0);
  }

  private List<Result> run(Query q, String user, boolean secured) {
    if (!q.columns().isEmpty()) {
      throw new DaxException(1, 1, "The Power BI emulator does not support 'DEFINE COLUMN' yet.");
    }
    Binder.bind(q, store, Evaluator::knows);
    Map<String, Node> scope = new HashMap<>(measures);
    for (Query.MeasureDef m : q.measures()) {
      if (store.table(m.table()) == null) {
        throw new DaxException(
            m.expression().line(),
            m.expression().column(),
            "The table '" + m.table() + "' of the measure [" + m.name() + "] cannot be found.");
      }
      scope.put(m.name().toLowerCase(Locale.ROOT), m.expression());
    }
    Evaluator ev = new Evaluator(store, scope);
    ev.userName(user);
    FilterContext root =
        secured ? FilterContext.secured(store, security(user)) : FilterContext.empty(store);
    for (Node.Var v : q.vars()) {
      ev.defineVar(v.name(), v.value(), root);
    }
    List<Result> results = new ArrayList<>();
    for (Query.Evaluate e : q.evaluates()) {
      Relation r = Statements.evaluate(ev, e, root);
      List<String> columns = new ArrayList<>();
      for (int c = 0; c < r.width(); c++) {
        columns.add(r.name(c));
      }
      // Rows are read from the store as they are written, never copied whole.
      List<Object[]> rows =
          new java.util.AbstractList<>() {
            @Override
            public Object[] get(int i) {
              return r.row(i);
            }

            @Override
            public int size() {
              return r.size();
            }
          };
      results.add(new Result(columns, rows));
    }
    return results;
  }
}
