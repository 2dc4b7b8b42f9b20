package dev.pbimcp.bench;

import dev.pbimcp.emulator.SampleModels;
import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DAX engine benchmark ({@code scripts/bench dax}): at each fact-table size, the model build
 * time, the heap the built model holds per million fact rows, and the p50 of four analytical
 * queries after a warm-up, next to DuckDB (single-threaded, like the engine) answering the same
 * questions in SQL on the same data.
 */
public final class DaxBench {
  private static final Map<String, String[]> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put(
        "2 columns x 3 measures",
        new String[] {
          "EVALUATE SUMMARIZECOLUMNS('Product'[Category], 'Date'[Year], \"Sales\", [Total Sales],"
              + " \"Qty\", [Total Quantity], \"Orders\", [Order Count])",
          "SELECT p.Category, d.Year, SUM(s.SalesAmount), SUM(s.Quantity), COUNT(DISTINCT"
              + " s.OrderNumber) FROM Sales s JOIN Product p USING (ProductKey) JOIN \"Date\" d ON"
              + " s.OrderDate = d.Date GROUP BY p.Category, d.Year"
        });
    QUERIES.put(
        "share of total",
        new String[] {
          "EVALUATE SUMMARIZECOLUMNS('Product'[Category], 'Date'[Year], \"Sales\", [Total Sales],"
              + " \"Qty\", [Total Quantity], \"Share\", DIVIDE([Total Sales], CALCULATE([Total"
              + " Sales], ALL('Product'[Category]))))",
          "WITH g AS (SELECT p.Category, d.Year, SUM(s.SalesAmount) t, SUM(s.Quantity) q FROM"
              + " Sales s JOIN Product p USING (ProductKey) JOIN \"Date\" d ON s.OrderDate = d.Date"
              + " GROUP BY p.Category, d.Year) SELECT Category, Year, t, q, t / SUM(t) OVER"
              + " (PARTITION BY Year) FROM g"
        });
    QUERIES.put(
        "monthly year over year",
        new String[] {
          "DEFINE MEASURE Sales[PY] = CALCULATE([Total Sales], SAMEPERIODLASTYEAR('Date'[Date]))"
              + " EVALUATE SUMMARIZECOLUMNS('Date'[Month], \"Sales\", [Total Sales], \"PY\", [PY],"
              + " \"YoY\", DIVIDE([Total Sales] - [PY], [PY]))",
          "WITH m AS (SELECT d.Year, d.MonthNumber, d.Month, SUM(s.SalesAmount) t FROM Sales s JOIN"
              + " \"Date\" d ON s.OrderDate = d.Date GROUP BY d.Year, d.MonthNumber, d.Month) SELECT"
              + " a.Month, a.t, b.t, (a.t - b.t) / b.t FROM m a LEFT JOIN m b ON b.Year = a.Year - 1"
              + " AND b.MonthNumber = a.MonthNumber"
        });
    QUERIES.put(
        "TOPN(10) over the fact table",
        new String[] {
          "EVALUATE TOPN(10, 'Sales', 'Sales'[SalesAmount], DESC)",
          "SELECT * FROM Sales ORDER BY SalesAmount DESC LIMIT 10"
        });
  }

  private DaxBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : (args.length > 0 ? args[0] : "120000,1000000").split(",")) {
      sizes.add(Integer.parseInt(a.trim()));
    }
    Path work = Path.of(args.length > 1 ? args[1] : "target/bench-dax");
    String node = args.length > 2 ? args[2] : "";
    int runs = 30;
    System.out.printf(
        Locale.ROOT,
        "%-32s %10s %12s %10s %12s %8s%n",
        "query",
        "fact rows",
        "engine p50",
        "engine p90",
        "DuckDB p50",
        "ratio");
    for (int rows : sizes) {
      long before = usedAfterGc();
      long t0 = System.nanoTime();
      Model model = SampleModels.sales(rows);
      long generated = System.nanoTime();
      Engine engine = Engine.of(model);
      long built = System.nanoTime();
      Path data = work.resolve("data-" + rows);
      if (!node.isEmpty()) {
        export(model, data);
      }
      model = null;
      long heap = usedAfterGc() - before;
      Map<String, Double> duck = node.isEmpty() ? Map.of() : duckDb(node, work, data);
      for (Map.Entry<String, String[]> q : QUERIES.entrySet()) {
        String dax = q.getValue()[0];
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int warm = 0;
        while (System.nanoTime() < warmUntil || warm < 5) {
          engine.run(dax, "bench@contoso.com").get(0).rows().size();
          warm++;
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          engine.run(dax, "bench@contoso.com").get(0).rows().size();
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Double d = duck.get(q.getKey());
        System.out.printf(
            Locale.ROOT,
            "%-32s %10d %10.2f ms %8.2f ms %10s %8s%n",
            q.getKey(),
            rows,
            ms[runs / 2],
            ms[runs * 9 / 10],
            d == null ? "-" : String.format(Locale.ROOT, "%.2f ms", d),
            d == null ? "-" : String.format(Locale.ROOT, "%.2fx", ms[runs / 2] / d));
      }
      System.out.printf(
          Locale.ROOT,
          "model at %d fact rows: generated in %.0f ms, store built in %.0f ms, heap %.1f MB (%.1f MB per million fact rows)%n%n",
          rows,
          (generated - t0) / 1e6,
          (built - generated) / 1e6,
          heap / 1e6,
          heap / 1e6 / (rows / 1e6));
      engine.model();
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return r.totalMemory() - r.freeMemory();
  }

  private static void export(Model model, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Table t : model.tables()) {
      try (BufferedWriter w =
          Files.newBufferedWriter(dir.resolve(t.name() + ".csv"), StandardCharsets.UTF_8)) {
        w.write(String.join(",", t.columns().stream().map(c -> c.name()).toList()));
        w.newLine();
        for (Object[] row : t.rows()) {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < row.length; i++) {
            if (i > 0) {
              b.append(',');
            }
            String v = row[i] == null ? "" : row[i].toString();
            b.append(v.contains(",") ? "\"" + v + "\"" : v);
          }
          w.write(b.toString());
          w.newLine();
        }
      }
    }
  }

  private static Map<String, Double> duckDb(String node, Path work, Path data) throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String[]> q : QUERIES.entrySet()) {
      json.append(json.length() > 1 ? "," : "")
          .append('"')
          .append(q.getKey())
          .append("\":\"")
          .append(q.getValue()[1].replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    Path queries = work.resolve("queries.json");
    Files.writeString(queries, json.append('}').toString());
    Process p =
        new ProcessBuilder(
                node,
                "src/test/node/bench/duckdb-bench.mjs",
                data.toString(),
                queries.toString(),
                "5",
                "30")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("DuckDB benchmark failed: " + out);
    }
    Map<String, Double> result = new LinkedHashMap<>();
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(out.trim()))) {
      reader
          .readObject()
          .forEach((k, v) -> result.put(k, v.asJsonObject().getJsonNumber("p50").doubleValue()));
    }
    return result;
  }
}
