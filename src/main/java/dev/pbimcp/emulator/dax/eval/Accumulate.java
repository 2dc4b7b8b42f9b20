package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.store.ColumnStore;
import java.util.BitSet;

/**
 * Column aggregates in one pass over a row set, for one group or many at once (a group index per
 * row): SUM, COUNT, COUNTA, COUNTBLANK, COUNTROWS, AVERAGE, MIN, MAX, DISTINCTCOUNT(NOBLANK). BLANK
 * when a group has no rows; integer columns sum to integers.
 */
final class Accumulate {
  private Accumulate() {}

  static final java.util.Set<String> KINDS =
      java.util.Set.of(
          "SUM",
          "COUNT",
          "COUNTA",
          "COUNTBLANK",
          "COUNTROWS",
          "AVERAGE",
          "MIN",
          "MAX",
          "DISTINCTCOUNT",
          "DISTINCTCOUNTNOBLANK");

  /** {@code groupOf} null: one group; else the group of each row (-1: none). */
  static Object[] run(String kind, ColumnStore col, BitSet rows, int[] groupOf, int groups) {
    long[] count = new long[groups];
    long[] nonBlank = new long[groups];
    long[] longSum = new long[groups];
    double[] sum = new double[groups];
    BitSet[] seen =
        kind.startsWith("MIN") || kind.startsWith("MAX") || kind.startsWith("DISTINCT")
            ? new BitSet[groups]
            : null;
    boolean integral = col != null && col.integral();
    for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
      int g = groupOf == null ? 0 : groupOf[r];
      if (g < 0) {
        continue;
      }
      count[g]++;
      if (col == null) {
        continue;
      }
      int id = col.id(r);
      if (seen != null) {
        BitSet s = seen[g];
        if (s == null) {
          s = seen[g] = new BitSet();
        }
        s.set(id);
        continue;
      }
      if (id == 0) {
        continue;
      }
      nonBlank[g]++;
      if (integral) {
        longSum[g] += (long) col.number(id);
      } else {
        sum[g] += col.number(id);
      }
    }
    Object[] out = new Object[groups];
    for (int g = 0; g < groups; g++) {
      out[g] =
          finish(
              kind,
              col,
              integral,
              count[g],
              nonBlank[g],
              longSum[g],
              sum[g],
              seen == null ? null : seen[g]);
    }
    return out;
  }

  private static Object finish(
      String kind,
      ColumnStore col,
      boolean integral,
      long count,
      long nonBlank,
      long longSum,
      double sum,
      BitSet seen) {
    if (count == 0) {
      return null;
    }
    return switch (kind) {
      case "COUNTROWS" -> count;
      case "COUNT", "COUNTA" -> nonBlank == 0 ? null : (Object) nonBlank;
      case "COUNTBLANK" -> count - nonBlank == 0 ? null : (Object) (count - nonBlank);
      case "SUM" -> nonBlank == 0 ? null : integral ? (Object) longSum : (Object) sum;
      case "AVERAGE" -> nonBlank == 0 ? null : (integral ? (double) longSum : sum) / nonBlank;
      case "DISTINCTCOUNT" -> (long) seen.cardinality();
      case "DISTINCTCOUNTNOBLANK" -> {
        long n = seen.cardinality() - (seen.get(0) ? 1 : 0);
        yield n == 0 ? null : (Object) n;
      }
      default -> extreme(col, seen, kind.equals("MAX"));
    };
  }

  private static Object extreme(ColumnStore col, BitSet seen, boolean max) {
    Object best = null;
    for (int id = seen.nextSetBit(1); id >= 0; id = seen.nextSetBit(id + 1)) {
      Object v = col.valueOf(id);
      if (best == null || (max ? Values.order(v, best) > 0 : Values.order(v, best) < 0)) {
        best = v;
      }
    }
    return best;
  }
}
