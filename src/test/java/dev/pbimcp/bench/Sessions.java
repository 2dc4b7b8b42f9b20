package dev.pbimcp.bench;

import dev.pbimcp.it.ProcessSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Opening legacy sessions (pbimcp's and the SDK's speak the same Streamable HTTP handshake). */
final class Sessions {
  /** The {@code _meta} a 2026-07-28 request carries (no session, no capabilities). */
  static final String MODERN_META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private Sessions() {}

  static String ours(HttpClient http, String url) throws Exception {
    return open(http, url);
  }

  static String sdk(HttpClient http, String url) throws Exception {
    return open(http, url);
  }

  private static String open(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = post(http, url, null, INIT);
    String id =
        r.headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        url + " opened no session: " + r.statusCode() + r.body()));
    post(http, url, id, INITIALIZED);
    return id;
  }

  private static HttpResponse<String> post(HttpClient http, String url, String session, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }
    return http.send(
        b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** 1,000 sessions opened by 32 clients, each then calling once; their ids, for the streams. */
  static List<String> thousand(HttpClient http, String base, long pid) throws Exception {
    String url = base + "/mcp";
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    long t0 = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      work.add(
          pool.submit(
              () -> {
                String id = open(http, url);
                HttpResponse<String> r =
                    post(
                        http,
                        url,
                        id,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
                            + "\"name\":\"get_powerbi_status\",\"arguments\":{}}}");
                if (r.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                ids.add(id);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    System.out.printf(
        "benchmark: 1,000 sessions opened and called in %.1f s (%d errors); RSS %.0f MB, heap"
            + " after GC %.0f MB%n",
        (System.nanoTime() - t0) / 1e9,
        errors.get(),
        ProcessSample.rss(pid),
        ProcessSample.heapAfterGc(pid));
    return ids;
  }
}
