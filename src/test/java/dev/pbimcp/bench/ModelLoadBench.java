package dev.pbimcp.bench;

import dev.pbimcp.Scratch;
import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.emulator.project.CoffeeShop;
import dev.pbimcp.emulator.project.ProjectLoader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The project loader benchmark ({@code scripts/bench load [ROWS]}): the example project with its
 * Orders table written out as a CSV of ROWS lines (default 1,000,000), loaded from disk as a user's
 * model is; prints the CSV's size, the load time (TMDL, CSV parse, calculated column and date
 * table), the engine's build time, the heap the loaded model holds after a GC, and one query's
 * time.
 */
public final class ModelLoadBench {
  private ModelLoadBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Scratch.directory("pbimcp-load-bench");
    try {
      Path project = CoffeeShop.copy(dir, "CoffeeShop");
      Path csv = project.resolve("data/Orders.csv");
      write(csv, rows);
      long before = heapAfterGc();
      long t0 = System.nanoTime();
      List<ProjectLoader.Loaded> loaded = ProjectLoader.load(project);
      long t1 = System.nanoTime();
      if (!loaded.get(0).ok()) {
        throw new IllegalStateException(loaded.get(0).error());
      }
      Engine engine = Engine.of(loaded.get(0).model());
      long t2 = System.nanoTime();
      long held = heapAfterGc() - before;
      long q0 = System.nanoTime();
      engine.run(
          "EVALUATE SUMMARIZECOLUMNS('Calendar'[Year], Shop[Shop], \"Revenue\", [Revenue],"
              + " \"LY\", [Revenue LY])",
          "",
          false);
      long q1 = System.nanoTime();
      System.out.printf(
          "benchmark: load %,d-row CSV (%.1f MB): load %.2f s, engine build %.2f s,"
              + " heap held %.0f MB, first query %.0f ms%n",
          rows,
          Files.size(csv) / 1e6,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          held / 1e6,
          (q1 - q0) / 1e6);
    } finally {
      Scratch.remove(dir);
    }
  }

  private static void write(Path csv, int rows) throws Exception {
    String[] products = {"Espresso", "Cappuccino", "Flat White", "Croissant"};
    double[] prices = {2.8, 3.9, 4.1, 2.6};
    Random random = new Random(1);
    LocalDate first = LocalDate.of(2024, 1, 1);
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("OrderId,OrderDate,ShopId,Product,Quantity,UnitPrice\n");
      for (int i = 1; i <= rows; i++) {
        int p = random.nextInt(products.length);
        w.write(
            i
                + ","
                + first.plusDays(random.nextInt(731))
                + ","
                + (1 + random.nextInt(3))
                + ","
                + products[p]
                + ","
                + (1 + random.nextInt(4))
                + ","
                + prices[p]
                + "\n");
      }
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
