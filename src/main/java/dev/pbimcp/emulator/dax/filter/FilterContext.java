package dev.pbimcp.emulator.dax.filter;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.Links;
import dev.pbimcp.emulator.dax.store.ModelStore;
import dev.pbimcp.emulator.dax.store.RelationshipStore;
import dev.pbimcp.emulator.dax.store.TableStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable filter context: its filters, which relationships carry them, the context ALLSELECTED
 * restores, and an optional mark an evaluator may attach (for grouped aggregation). Two contexts
 * with the same filters and relationships are equal, so results can be memoised on them.
 */
public final class FilterContext {
  private final ModelStore model;
  private final List<Filter> security;
  private final List<Filter> filters;
  private final Links links;
  private final FilterContext selected;
  private final Object mark;
  private final Map<TableStore, BitSet> rows = new ConcurrentHashMap<>();

  private FilterContext(
      ModelStore model,
      List<Filter> security,
      List<Filter> filters,
      Links links,
      FilterContext selected,
      Object mark) {
    this.model = model;
    this.security = security;
    this.filters = List.copyOf(filters);
    this.links = links;
    this.selected = selected;
    this.mark = mark;
  }

  public static FilterContext empty(ModelStore model) {
    return new FilterContext(model, List.of(), List.of(), Links.DEFAULT, null, null);
  }

  /**
   * A context whose row-level security filters no ALL, REMOVEFILTERS or CALCULATE can remove: they
   * narrow every table before any other filter.
   */
  public static FilterContext secured(ModelStore model, List<Filter> security) {
    return new FilterContext(model, List.copyOf(security), List.of(), Links.DEFAULT, null, null);
  }

  /** No filters but the security ones: what ALL() leaves. */
  public FilterContext unfiltered() {
    return new FilterContext(model, security, List.of(), links, selected, null);
  }

  public ModelStore model() {
    return model;
  }

  public List<Filter> filters() {
    return filters;
  }

  public Links links() {
    return links;
  }

  public Object mark() {
    return mark;
  }

  /** The context ALLSELECTED goes back to (the query's outer filters), or an empty one. */
  public FilterContext selected() {
    return selected == null ? unfiltered().withSelected(null) : selected;
  }

  public FilterContext withMark(Object m) {
    return new FilterContext(model, security, filters, links, selected, m);
  }

  public FilterContext withSelected(FilterContext s) {
    return new FilterContext(model, security, filters, links, s, null);
  }

  public FilterContext withLinks(Links l) {
    return new FilterContext(model, security, filters, l, selected, null);
  }

  /** Adds a filter to the ones there are (the KEEPFILTERS way). */
  public FilterContext with(Filter f) {
    List<Filter> fs = new ArrayList<>(filters);
    fs.add(f);
    return new FilterContext(model, security, fs, links, selected, null);
  }

  /** Replaces the filters on the new filter's columns (CALCULATE's way). */
  public FilterContext replace(Filter f) {
    return without(columnsOf(f)).with(f);
  }

  /** The columns a filter sets: a table filter sets every column of its expanded table. */
  public Set<ColumnStore> columnsOf(Filter f) {
    if (f instanceof Filter.Column c) {
      return Set.of(c.column());
    }
    if (f instanceof Filter.Tuples t) {
      return new HashSet<>(t.columns());
    }
    return expandedColumns(((Filter.Rows) f).table());
  }

  public Set<ColumnStore> expandedColumns(TableStore t) {
    Set<ColumnStore> cols = new HashSet<>(t.columns());
    for (TableStore d : model.expanded(t, links)) {
      cols.addAll(d.columns());
    }
    return cols;
  }

  /** Removes the filters on these columns; a tuple filter keeps its other columns. */
  public FilterContext without(Collection<ColumnStore> columns) {
    List<Filter> fs = new ArrayList<>();
    for (Filter f : filters) {
      if (f instanceof Filter.Column c) {
        if (!columns.contains(c.column())) {
          fs.add(f);
        }
      } else if (f instanceof Filter.Tuples t) {
        Filter kept = Projection.keep(t, c -> !columns.contains(c));
        if (kept != null) {
          fs.add(kept);
        }
      } else if (!columns.containsAll(((Filter.Rows) f).table().columns())) {
        fs.add(f);
      }
    }
    return new FilterContext(model, security, fs, links, selected, null);
  }

  /** Whether a column has a filter of its own (ISFILTERED). */
  public boolean filters(ColumnStore c) {
    return filters.stream().anyMatch(f -> !(f instanceof Filter.Rows) && f.covers(c));
  }

  /** The rows of {@code t} this context leaves visible (not to be modified). */
  public BitSet rows(TableStore t) {
    BitSet cached = rows.get(t);
    if (cached != null) {
      return cached;
    }
    BitSet r = new BitSet(t.rowCount());
    r.set(0, t.rowCount());
    for (Filter f : security) {
      Propagation.apply(this, f, t, r);
    }
    for (Filter f : filters) {
      Propagation.apply(this, f, t, r);
    }
    for (RelationshipStore rel : model.relationships()) {
      if (rel.bothDirections() && rel.to().table() == t && links.used().isEmpty() && rel.active()) {
        Propagation.fromManySide(this, rel, r);
      }
    }
    rows.put(t, r);
    return r;
  }

  /** Whether the blank row of {@code t} (for unmatched keys) is visible here. */
  public boolean blankRowVisible(TableStore t) {
    if (!t.hasBlankRow()) {
      return false;
    }
    for (Filter f : security) {
      if (!Propagation.keepsBlankRow(this, f, t)) {
        return false;
      }
    }
    for (Filter f : filters) {
      if (!Propagation.keepsBlankRow(this, f, t)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterContext c
        && c.filters.equals(filters)
        && c.links.equals(links)
        && c.security.equals(security);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, links, security);
  }
}
