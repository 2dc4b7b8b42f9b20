package dev.pbimcp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Load of N clients over HTTP/1.1. Closed loop ({@link #run}): each sends a request, waits for the
 * answer and sends the next, so it measures the most a target serves; its latencies at saturation
 * follow from that rate (32 clients over the rate). Open loop ({@link #paced}): the clients send at
 * a fixed total rate, and each latency counts from the time the call was due, so a stall delays and
 * counts every call scheduled behind it: targets compared at the same load.
 */
final class LoadRunner {
  /** What one run measured. */
  record Result(
      String name, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
    double perSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          "%-28s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d errors)",
          name, perSecond(), p50Ms, p99Ms, requests, errors);
    }
  }

  /** One client's request: a URI, headers and a body for each call. */
  record Call(URI uri, Map<String, String> headers, Supplier<String> body) {}

  private LoadRunner() {}

  static Result run(String name, List<Call> clients, Duration duration) throws Exception {
    return run(name, clients, duration, 0);
  }

  /** The clients together send {@code perSecond} calls a second, each on its own schedule. */
  static Result paced(String name, List<Call> clients, Duration duration, double perSecond)
      throws Exception {
    return run(name, clients, duration, (long) (1e9 * clients.size() / perSecond));
  }

  private static Result run(String name, List<Call> clients, Duration duration, long interval)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long begin = System.nanoTime();
    long end = begin + duration.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    AtomicReference<String> firstError = new AtomicReference<>();
    for (int i = 0; i < clients.size(); i++) {
      Call c = clients.get(i);
      // Staggered, so that the clients' calls are spread evenly over each interval.
      long first = begin + interval * i / clients.size();
      futures.add(pool.submit(() -> loop(http, c, end, first, interval, firstError)));
    }
    List<Long> latencies = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      errors += r[0];
      for (int i = 1; i < r.length; i++) {
        latencies.add(r[i]);
      }
    }
    pool.shutdown();
    if (firstError.get() != null) {
      System.out.printf(
          "benchmark: %s: %d errors, the first: %s%n", name, errors, firstError.get());
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(
        name,
        sorted.length,
        errors,
        duration.toNanos() / 1e9,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6);
  }

  /** One client's calls: back to back when {@code interval} is 0, else one due every interval. */
  private static long[] loop(
      HttpClient http,
      Call c,
      long end,
      long first,
      long interval,
      AtomicReference<String> firstError)
      throws Exception {
    long[] buffer = new long[1 << 16];
    int n = 1;
    long errors = 0;
    for (long due = first; System.nanoTime() < end && due < end; due += interval) {
      if (interval > 0) {
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(c.uri())
              .timeout(Duration.ofSeconds(30)) // a lost answer is an error, never a hung run
              .POST(HttpRequest.BodyPublishers.ofString(c.body().get()));
      c.headers().forEach(b::header);
      long start = interval > 0 ? due : System.nanoTime();
      HttpResponse<String> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        // A lost answer or a connection gone without one: counted, and the run goes on.
        errors++;
        firstError.compareAndSet(null, c.uri() + ": " + e);
        continue;
      }
      long took = System.nanoTime() - start;
      if (r.statusCode() != 200 || !r.body().contains("\"result\"")) {
        errors++;
        String body = r.body();
        firstError.compareAndSet(
            null,
            c.uri()
                + ": HTTP "
                + r.statusCode()
                + " "
                + body.substring(0, Math.min(300, body.length())));
        continue;
      }
      if (n == buffer.length) {
        buffer = Arrays.copyOf(buffer, n * 2);
      }
      buffer[n++] = took;
    }
    long[] out = Arrays.copyOf(buffer, n);
    out[0] = errors;
    return out;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
