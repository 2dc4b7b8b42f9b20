package dev.pbimcp.powerbi;

import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.ToolResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run it with {@code scripts/bench query}): reads a 100,000-row ×
 * 10-column executeQueries answer as a stream and shapes it into a tool result (preview + CSV
 * attachment), printing the time and the heap it took.
 */
class QueryShapingBench {
  private static final int ROWS = 100_000;
  private static final int COLUMNS = 10;

  @Test
  void shape100kRowsBy10Columns() {
    byte[] body = answer();
    for (int warm = 0; warm < 3; warm++) {
      shape(body);
    }
    System.gc();
    resetPeaks();
    long before = usedHeap();
    long start = System.nanoTime();
    int size = shape(body);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = peakHeap();
    System.out.printf(
        "benchmark: shaped %d rows x %d columns (%.1f MB of JSON) into a %.1f MB tool result in %d ms;"
            + " heap before %d MB, peak %d MB%n",
        ROWS, COLUMNS, body.length / 1e6, size / 1e6, millis, before >> 20, peak >> 20);
  }

  private static int shape(byte[] body) {
    QueryResult r = QueryStreamReader.read(new ByteArrayInputStream(body), 100, true);
    ToolResult result =
        new ToolResult(
            java.util.List.of(
                Content.text(r.rowCount() + " rows"),
                Content.resource("pbimcp://bench.csv", "text/csv", r.csv())),
            null,
            false);
    return result.toJson().toString().length();
  }

  private static byte[] answer() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 300);
    StringBuilder b = new StringBuilder("{\"results\":[{\"tables\":[{\"rows\":[");
    for (int i = 0; i < ROWS; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      for (int c = 0; c < COLUMNS; c++) {
        if (c > 0) {
          b.append(',');
        }
        b.append("\"Sales[Column").append(c).append("]\":");
        if (c % 3 == 0) {
          b.append('"').append("text ").append(i % 977).append('"');
        } else {
          b.append(i * 31L + c);
        }
      }
      b.append('}');
      if (b.length() > 1 << 20) {
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
      }
    }
    b.append("]}]}]}");
    out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
