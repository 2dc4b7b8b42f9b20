package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.filter.FilterContext;

/**
 * Where an expression is evaluated: the filter context, the row context (a chain of frames, the
 * innermost first), the variables in scope, and the group GROUPBY's CURRENTGROUP() returns.
 */
public record Env(FilterContext fc, Frame frame, Scope vars, Relation group) {

  /** One row of an iterated table. */
  public record Frame(Relation relation, int row, Frame outer) {}

  /** A variable (a scalar or a {@link Relation}) and the scope around it. */
  public record Scope(String name, Object value, Scope outer) {
    Object find(String n) {
      for (Scope s = this; s != null; s = s.outer) {
        if (s.name.equalsIgnoreCase(n)) {
          return s.value;
        }
      }
      return null;
    }

    boolean has(String n) {
      for (Scope s = this; s != null; s = s.outer) {
        if (s.name.equalsIgnoreCase(n)) {
          return true;
        }
      }
      return false;
    }
  }

  public Env withFilter(FilterContext f) {
    return new Env(f, frame, vars, group);
  }

  public Env withRow(Relation r, int row) {
    return new Env(fc, new Frame(r, row, frame), vars, group);
  }

  public Env withVar(String name, Object value) {
    return new Env(fc, frame, new Scope(name, value, vars), group);
  }

  public Env withGroup(Relation g) {
    return new Env(fc, frame, vars, g);
  }

  /** For a measure: no row context, no local variables. */
  public Env forMeasure(FilterContext f, Scope queryVars) {
    return new Env(f, null, queryVars, null);
  }
}
