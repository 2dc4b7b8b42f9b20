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
import java.util.function.Supplier;

/** Closed-loop load: N clients each send a request, wait for the answer, and send the next. */
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
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    for (Call c : clients) {
      futures.add(pool.submit(() -> loop(http, c, end)));
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

  private static long[] loop(HttpClient http, Call c, long end) throws Exception {
    long[] buffer = new long[1 << 16];
    int n = 1;
    long errors = 0;
    while (System.nanoTime() < end) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(c.uri())
              .timeout(Duration.ofSeconds(30)) // a lost answer is an error, never a hung run
              .POST(HttpRequest.BodyPublishers.ofString(c.body().get()));
      c.headers().forEach(b::header);
      long start = System.nanoTime();
      HttpResponse<String> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.net.http.HttpTimeoutException e) {
        errors++;
        System.out.println("benchmark: " + c.uri() + " did not answer within 30 s");
        continue;
      } catch (java.io.IOException e) {
        errors++; // the connection went away without an answer: counted, and the run goes on
        continue;
      }
      long took = System.nanoTime() - start;
      if (r.statusCode() != 200 || !r.body().contains("\"result\"")) {
        errors++;
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
