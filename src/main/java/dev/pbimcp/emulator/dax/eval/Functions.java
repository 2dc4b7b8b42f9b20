package dev.pbimcp.emulator.dax.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Every function the engine evaluates, by upper-case name. */
final class Functions {
  private static final Map<String, Fn> ALL = new HashMap<>();

  static {
    Logic.register(ALL);
    MathText.register(ALL);
    Texts.register(ALL);
    Dates.register(ALL);
    Aggregates.register(ALL);
    Tables.register(ALL);
    LiteralTables.register(ALL);
    SetTables.register(ALL);
    Summaries.register(ALL);
    Calculate.register(ALL);
    Context.register(ALL);
    TimeIntelligence.register(ALL);
    ALL.put("INFO.VIEW.TABLES", (ev, c, env) -> InfoViews.tables(ev.store().definition()));
    ALL.put("INFO.VIEW.COLUMNS", (ev, c, env) -> InfoViews.columns(ev.store().definition()));
    ALL.put("INFO.ROLES", (ev, c, env) -> InfoViews.roles(ev.store().definition()));
    ALL.put(
        "INFO.TABLEPERMISSIONS",
        (ev, c, env) -> InfoViews.tablePermissions(ev.store().definition()));
    ALL.put("INFO.HIERARCHIES", (ev, c, env) -> InfoViews.hierarchies(ev.store().definition()));
    ALL.put("INFO.LEVELS", (ev, c, env) -> InfoViews.levels(ev.store().definition()));
    ALL.put("INFO.VIEW.MEASURES", (ev, c, env) -> InfoViews.measures(ev.store().definition()));
    ALL.put(
        "INFO.VIEW.RELATIONSHIPS",
        (ev, c, env) -> InfoViews.relationships(ev.store().definition()));
  }

  private Functions() {}

  static Fn get(String name) {
    return ALL.get(name);
  }

  static Set<String> names() {
    return ALL.keySet();
  }
}
