package dev.pbimcp.emulator.dax.filter;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A tuple filter narrowed to some of its columns. */
final class Projection {
  private Projection() {}

  /** The filter on the columns {@code keep} accepts; null when none is left. */
  static Filter keep(Filter.Tuples t, Predicate<ColumnStore> keep) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      if (keep.test(t.columns().get(i))) {
        at.add(i);
      }
    }
    if (at.isEmpty()) {
      return null;
    }
    if (at.size() == t.columns().size()) {
      return t;
    }
    if (at.size() == 1) {
      BitSet ids = new BitSet();
      for (Filter.Ids tuple : t.tuples()) {
        ids.set(tuple.ids()[at.get(0)]);
      }
      return new Filter.Column(t.columns().get(at.get(0)), ids);
    }
    List<ColumnStore> cols = new ArrayList<>();
    at.forEach(i -> cols.add(t.columns().get(i)));
    Set<Filter.Ids> tuples = new HashSet<>();
    for (Filter.Ids tuple : t.tuples()) {
      int[] ids = new int[at.size()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = tuple.ids()[at.get(k)];
      }
      tuples.add(new Filter.Ids(ids));
    }
    return new Filter.Tuples(cols, tuples);
  }
}
