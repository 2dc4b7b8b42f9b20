package dev.pbimcp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pbimcp.Scratch;
import dev.pbimcp.it.ExtraServer;
import dev.pbimcp.it.ProcessSample;
import dev.pbimcp.it.TestDeployments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * The soak, not a test of the normal build: N clients across both eras (legacy sessions, each
 * re-initialized now and then, and stateless 2026-07-28 calls) for a while against one server,
 * sampling its heap after a full GC, RSS, threads and open files every interval, and printing each
 * one's slope per minute (least squares over the samples after the first minute). Run it with
 * {@code scripts/soak}: -Dsoak.minutes (10), -Dsoak.clients (16), -Dsoak.sample-seconds (20).
 */
class SoakBench {
  private static final int CLIENTS = Integer.getInteger("soak.clients", 16);
  private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
  private static final int SAMPLE_SECONDS = Integer.getInteger("soak.sample-seconds", 20);

  @Test
  void soak() throws Exception {
    Path war = Scratch.directory("pbimcp-soak").resolve("pbimcp.war");
    TestDeployments.product().as(ZipExporter.class).exportTo(war.toFile(), true);
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-soak",
                Integer.getInteger("it.second.http.port", 9081),
                "soak-session-key-0123456789abcdefghijkl",
                Map.of("JVM_ARGS", "-Xmx512m"),
                war)
            .start()) {
      run(server.port(), server.pid());
    }
  }

  private void run(int port, long pid) throws Exception {
    URI mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      boolean modern = c % 2 == 1;
      clients.add(
          pool.submit(
              () -> {
                client(http, mcp, modern, end, calls, errors);
                return null;
              }));
    }
    List<double[]> samples = new ArrayList<>(); // minutes, heap MB, RSS MB, threads, files
    long start = System.nanoTime();
    System.out.println("soak: minute   heap-after-GC MB   RSS MB   threads   open files   calls");
    while (System.nanoTime() < end) {
      Thread.sleep(SAMPLE_SECONDS * 1000L);
      double minute = (System.nanoTime() - start) / 60e9;
      double[] s = {
        minute,
        ProcessSample.heapAfterGc(pid),
        ProcessSample.rss(pid),
        ProcessSample.threads(pid),
        ProcessSample.openFiles(pid)
      };
      samples.add(s);
      System.out.printf(
          "soak: %6.1f   %16.1f   %6.1f   %7.0f   %10.0f   %d%n",
          s[0], s[1], s[2], s[3], s[4], calls.get());
    }
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    List<double[]> settled = samples.stream().filter(s -> s[0] >= 1).toList();
    String[] names = {
      "", "heap after GC (MB/min)", "RSS (MB/min)", "threads (/min)", "open files (/min)"
    };
    for (int k = 1; k < names.length; k++) {
      System.out.printf("soak: slope of %-24s %+8.3f%n", names[k], slope(settled, k));
    }
    System.out.printf(
        "soak: %d clients, %d min, %d calls, %d errors, %d sent again after the client's own pool"
            + " closed the connection%n",
        CLIENTS, MINUTES, calls.get(), errors.get(), STALE.get());
    assertEquals(0, errors.get(), "no call failed");
  }

  private static void client(
      HttpClient http, URI mcp, boolean modern, long end, AtomicLong calls, AtomicLong errors)
      throws Exception {
    String session = null;
    int n = 0;
    while (System.nanoTime() < end) {
      n++;
      HttpRequest.Builder b =
          HttpRequest.newBuilder(mcp)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream");
      String tool = n % 3 == 0 ? "list_powerbi_workspaces" : "get_powerbi_status";
      String body;
      if (modern) {
        b.header("MCP-Protocol-Version", "2026-07-28")
            .header("Mcp-Method", "tools/call")
            .header("Mcp-Name", tool);
        body =
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + n
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{},"
                + Sessions.MODERN_META
                + "}}";
      } else {
        if (session == null || n % 200 == 0) {
          session = Sessions.ours(http, mcp.toString());
        }
        b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        body =
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + n
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{}}}";
      }
      HttpRequest request = b.POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        if (!stale(e)) {
          throw e;
        }
        // The JDK client's pool closed this idle connection itself ("connection closed
        // locally") as the request went out on it: its race, not the server's answer. These
        // calls are read-only, so sent again once, and counted.
        STALE.incrementAndGet();
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      }
      calls.incrementAndGet();
      if (r.statusCode() != 200 || r.body().contains("\"isError\":true")) {
        errors.incrementAndGet();
      }
    }
  }

  private static final AtomicLong STALE = new AtomicLong();

  private static boolean stale(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("connection closed locally")) {
        return true;
      }
    }
    return false;
  }

  /** Least-squares slope of column k against minutes. */
  static double slope(List<double[]> samples, int k) {
    int n = samples.size();
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (double[] s : samples) {
      mx += s[0] / n;
      my += s[k] / n;
    }
    double num = 0;
    double den = 0;
    for (double[] s : samples) {
      num += (s[0] - mx) * (s[k] - my);
      den += (s[0] - mx) * (s[0] - mx);
    }
    return den == 0 ? 0 : num / den;
  }
}
