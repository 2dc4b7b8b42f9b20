package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import dev.pbimcp.emulator.dax.syntax.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * TOPN over rows of a base table ordered by its own columns, without evaluating an expression per
 * row: each value id gets its rank in sort order once, a histogram of the first key finds the cut,
 * and only the rows up to it (ties included) are sorted.
 */
final class ColumnTopN {
  private ColumnTopN() {}

  static Relation topN(Evaluator ev, Relation r, List<Ranking.Order> orders, long n) {
    if (r.base() == null) {
      return null;
    }
    List<ColumnStore> cols = new ArrayList<>();
    for (Ranking.Order o : orders) {
      if (!(o.expression() instanceof Node.ColumnRef)) {
        return null;
      }
      ColumnStore col = ev.column(o.expression());
      if (col.table() != r.base()) {
        return null;
      }
      cols.add(col);
    }
    List<int[]> ranks = new ArrayList<>();
    for (int k = 0; k < cols.size(); k++) {
      ranks.add(
          ev.memo(
              List.of("ranks", cols.get(k), orders.get(k).ascending()),
              rankOf(cols.get(k), orders.get(k).ascending())));
    }
    // The cut: the first-key rank at which the best n rows are reached.
    ColumnStore first = cols.get(0);
    int[] firstRank = ranks.get(0);
    long[] histogram = new long[firstRank.length];
    for (int i = 0; i < r.size(); i++) {
      histogram[firstRank[first.id(r.baseRow(i))]]++;
    }
    long seen = 0;
    int cut = histogram.length - 1;
    for (int k = 0; k < histogram.length; k++) {
      seen += histogram[k];
      if (seen >= n) {
        cut = k;
        break;
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (firstRank[first.id(r.baseRow(i))] <= cut) {
        candidates.add(i);
      }
    }
    Comparator<Integer> cmp =
        (a, b) -> {
          for (int k = 0; k < cols.size(); k++) {
            int x = ranks.get(k)[cols.get(k).id(r.baseRow(a))];
            int y = ranks.get(k)[cols.get(k).id(r.baseRow(b))];
            if (x != y) {
              return Integer.compare(x, y);
            }
          }
          return 0;
        };
    candidates.sort(cmp);
    if (candidates.size() > n) {
      Integer nth = candidates.get((int) n - 1);
      int end = (int) n;
      while (end < candidates.size() && cmp.compare(candidates.get(end), nth) == 0) {
        end++;
      }
      candidates = candidates.subList(0, end);
    }
    return Tables.subset(r, candidates);
  }

  /** For each value id, its position in the order (best first). */
  private static java.util.function.Supplier<int[]> rankOf(ColumnStore col, boolean ascending) {
    return () -> {
      Integer[] ids = new Integer[col.distinctCount() + 1];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
      }
      Arrays.sort(
          ids,
          (a, b) -> {
            int c = Values.order(col.valueOf(a), col.valueOf(b));
            return ascending ? c : -c;
          });
      int[] rank = new int[ids.length];
      for (int k = 0; k < ids.length; k++) {
        rank[ids[k]] =
            k > 0 && Values.order(col.valueOf(ids[k]), col.valueOf(ids[k - 1])) == 0
                ? rank[ids[k - 1]]
                : k;
      }
      return rank;
    };
  }
}
