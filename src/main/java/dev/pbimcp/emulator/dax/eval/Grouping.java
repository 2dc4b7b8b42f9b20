package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.store.RowMap;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a table value grouped by columns of it or of tables it relates to. */
record Grouping(List<Object[]> keys, List<List<Integer>> members) {

  static Grouping of(Evaluator ev, Relation source, List<ColumnStore> by, Env env, Node at) {
    List<RowMap> maps = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (ColumnStore col : by) {
      int p = source.indexOf(col);
      positions.add(p);
      RowMap m = null;
      if (p < 0) {
        m =
            source.base() == null
                ? null
                : ev.store().map(source.base(), col.table(), env.fc().links());
        if (m == null) {
          throw Values.error(
              at, "The column " + col.qualified() + " is not in the table and not related to it.");
        }
      }
      maps.add(m);
    }
    Map<List<Object>, Integer> index = new LinkedHashMap<>();
    List<Object[]> keys = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int r = 0; r < source.size(); r++) {
      Object[] key = new Object[by.size()];
      List<Object> k = new ArrayList<>(key.length);
      for (int i = 0; i < key.length; i++) {
        if (positions.get(i) >= 0) {
          key[i] = source.get(r, positions.get(i));
        } else {
          int row = maps.get(i).row(source.baseRow(r));
          key[i] = row < 0 ? null : by.get(i).value(row);
        }
        k.add(Values.key(key[i]));
      }
      Integer g = index.get(k);
      if (g == null) {
        g = keys.size();
        index.put(k, g);
        keys.add(key);
        members.add(new ArrayList<>());
      }
      members.get(g).add(r);
    }
    return new Grouping(keys, members);
  }
}
