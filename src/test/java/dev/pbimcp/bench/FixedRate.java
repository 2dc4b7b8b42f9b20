package dev.pbimcp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The transport benchmark's fixed-rate part, and the ratios both of its tables print. */
final class FixedRate {
  private FixedRate() {}

  /**
   * Latency at one fixed load for every target (open loop, from each call's due time): at
   * saturation a target's latency follows from its rate, so p99 is compared here, at -Dbench.rate
   * calls a second, by default 60% of the slowest target's best rate in this run. A pass's p99 at a
   * fixed rate swings widely (the floor's went from 2.45 to 3.89 ms between two runs, and a
   * target's ratio to it from 1.16 to 1.51, and within one run the floor's passes ranged from 2.8
   * to 27 ms), so -Dbench.paced.passes (7) interleaved passes of {@code each} are made and each
   * target's median p99 is compared, with the lowest and highest beside it; and, since a stall of
   * the machine lifts the passes next to it together, the median of the pass-by-pass ratios too:
   * each pass's p99 over the floor's and the anchor's in the same round.
   */
  static void compare(
      Map<String, List<LoadRunner.Call>> targets,
      Map<String, LoadRunner.Result> saturated,
      Duration each)
      throws Exception {
    double slowest =
        saturated.values().stream().mapToDouble(LoadRunner.Result::perSecond).min().orElse(0);
    double rate = Integer.getInteger("bench.rate", (int) (slowest * 0.6 / 100) * 100).doubleValue();
    int passes = Integer.getInteger("bench.paced.passes", 7);
    if (rate <= 0 || passes <= 0) {
      return;
    }
    Map<String, List<LoadRunner.Result>> all = new LinkedHashMap<>();
    for (int pass = 0; pass < passes; pass++) {
      for (var t : targets.entrySet()) {
        all.computeIfAbsent(t.getKey(), k -> new ArrayList<>())
            .add(LoadRunner.paced(t.getKey(), t.getValue(), each, rate));
      }
    }
    System.out.printf(
        "benchmark: at a fixed %.0f calls/s (open loop, latency from each call's due time), median"
            + " of %d passes%n",
        rate, passes);
    Map<String, LoadRunner.Result> median = new LinkedHashMap<>();
    all.forEach((name, runs) -> median.put(name, medianByP99(runs)));
    for (var e : all.entrySet()) {
      LoadRunner.Result r = median.get(e.getKey());
      System.out.printf(
          "benchmark: %s   p99 from %.2f to %.2f ms%s%s%n",
          r,
          e.getValue().stream().mapToDouble(LoadRunner.Result::p99Ms).min().orElse(0),
          e.getValue().stream().mapToDouble(LoadRunner.Result::p99Ms).max().orElse(0),
          ratio(r, median.get(TransportBench.FLOOR), LoadRunner.Result::p99Ms, "floor's p99"),
          ratio(r, median.get(TransportBench.ANCHOR), LoadRunner.Result::p99Ms, "anchor's p99"));
    }
    printPaired(all, LoadRunner.Result::p99Ms, "p99");
  }

  /**
   * For each target, the median of its {@code measure} over the floor's and over the anchor's, pass
   * by pass: a stall of the machine lifts the passes next to it together.
   */
  static void printPaired(
      Map<String, List<LoadRunner.Result>> passes,
      ToDoubleFunction<LoadRunner.Result> measure,
      String label) {
    for (var e : passes.entrySet()) {
      String pairs =
          paired(e.getValue(), passes.get(TransportBench.FLOOR), measure, "floor's")
              + paired(e.getValue(), passes.get(TransportBench.ANCHOR), measure, "anchor's");
      if (!pairs.isEmpty()) {
        System.out.printf("benchmark: %-28s %s pass by pass:%s%n", e.getKey(), label, pairs);
      }
    }
  }

  /**
   * " median 1.31x floor's (1.02 to 1.90)": the median of one target's {@code measure} over
   * another's, pass by pass; nothing when the other is the target itself or was left out of the
   * run.
   */
  private static String paired(
      List<LoadRunner.Result> runs,
      List<LoadRunner.Result> base,
      ToDoubleFunction<LoadRunner.Result> measure,
      String name) {
    if (base == null || base == runs) {
      return "";
    }
    double[] ratios = new double[Math.min(runs.size(), base.size())];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = measure.applyAsDouble(runs.get(i)) / measure.applyAsDouble(base.get(i));
    }
    java.util.Arrays.sort(ratios);
    return String.format(
        "   median %.2fx %s (%.2f to %.2f)",
        ratios[(ratios.length - 1) / 2], name, ratios[0], ratios[ratios.length - 1]);
  }

  /** The pass whose p99 is the median (the lower middle one of an even number). */
  private static LoadRunner.Result medianByP99(List<LoadRunner.Result> runs) {
    List<LoadRunner.Result> sorted =
        runs.stream().sorted(Comparator.comparingDouble(LoadRunner.Result::p99Ms)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** " 0.89x floor", or nothing when -Dbench.only left that target out of the run. */
  static String ratio(
      LoadRunner.Result r,
      LoadRunner.Result base,
      ToDoubleFunction<LoadRunner.Result> measure,
      String name) {
    return base == null
        ? ""
        : String.format(
            "   %.2fx %s", measure.applyAsDouble(r) / measure.applyAsDouble(base), name);
  }
}
