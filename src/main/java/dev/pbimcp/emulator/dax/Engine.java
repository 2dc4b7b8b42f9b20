package dev.pbimcp.emulator.dax;

import dev.pbimcp.emulator.dax.eval.Evaluator;
import dev.pbimcp.emulator.dax.eval.Relation;
import dev.pbimcp.emulator.dax.filter.FilterContext;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import dev.pbimcp.emulator.dax.syntax.Parser;
import dev.pbimcp.emulator.dax.syntax.Query;
import dev.pbimcp.emulator.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DAX engine of one model: its column store, built once, and its measures, parsed once. Every
 * query gets a fresh evaluator; the store is immutable, so queries may run concurrently.
 */
public final class Engine {
  private final ModelStore store;
  private final Map<String, Node> measures = new HashMap<>();

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

  /** One result table per EVALUATE: {@code Table[Column]} or {@code [Name]} columns, and rows. */
  public record Result(List<String> columns, List<Object[]> rows) {}

  /** Runs a query as {@code user} (what USERPRINCIPALNAME() returns). */
  public List<Result> run(String query, String user) {
    Query q = Parser.query(query);
    if (!q.columns().isEmpty()) {
      throw new DaxException(1, 1, "The Power BI emulator does not support 'DEFINE COLUMN' yet.");
    }
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
    FilterContext root = FilterContext.empty(store);
    for (Node.Var v : q.vars()) {
      ev.defineVar(v.name(), v.value(), root);
    }
    List<Result> results = new ArrayList<>();
    for (Query.Evaluate e : q.evaluates()) {
      Relation r = ev.evaluate(e, root);
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
