package dev.pbimcp.bench;

import dev.pbimcp.it.ExtraServer;
import dev.pbimcp.it.McpHttp;
import dev.pbimcp.it.TestDeployments;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: {@code tools/call get_powerbi_status} under concurrent clients against a
 * plain JAX-RS JSON echo on the same server, printing requests/s, p50/p99 and the ratio. Run it
 * with {@code scripts/bench}; the normal build never runs it (its name matches no test pattern).
 */
class StatusBench {
  private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

  /** Runs on a server with the product's default configuration plus the echo endpoint. */
  @Test
  void measure() throws Exception {
    Path war = Files.createTempDirectory("pbimcp-bench").resolve("pbimcp.war");
    TestDeployments.product()
        .addClass(EchoResource.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-bench",
                Integer.getInteger("it.second.http.port", 9081),
                "benchmark-session-key-0123456789abcdefgh",
                Map.of(),
                war)
            .start()) {
      run(server.port());
    }
  }

  private void run(int port) throws Exception {
    AtomicLong ids = new AtomicLong();
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":{}}}";

    List<LoadRunner.Call> echo = new ArrayList<>();
    List<LoadRunner.Call> mcp = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      echo.add(
          new LoadRunner.Call(
              URI.create("http://127.0.0.1:" + port + "/bench/echo"),
              Map.of("Content-Type", "application/json"),
              () -> String.format(call, ids.incrementAndGet())));
      McpHttp session = McpHttp.on(port);
      session.initialize();
      mcp.add(
          new LoadRunner.Call(
              session.endpoint(),
              Map.of(
                  "Content-Type",
                  "application/json",
                  "Accept",
                  McpHttp.ACCEPT_BOTH,
                  "Mcp-Session-Id",
                  session.sessionId(),
                  "MCP-Protocol-Version",
                  "2025-11-25"),
              () -> String.format(call, ids.incrementAndGet())));
    }
    String modernCall =
        "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"get_powerbi_status\",\"arguments\":{},\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    List<LoadRunner.Call> modern = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      modern.add(
          new LoadRunner.Call(
              URI.create("http://127.0.0.1:" + port + "/mcp"),
              Map.of(
                  "Content-Type", "application/json",
                  "Accept", McpHttp.ACCEPT_BOTH,
                  "MCP-Protocol-Version", "2026-07-28",
                  "Mcp-Method", "tools/call",
                  "Mcp-Name", "get_powerbi_status"),
              () -> String.format(modernCall, ids.incrementAndGet())));
    }
    LoadRunner.run("warm-up echo", echo, WARMUP);
    LoadRunner.run("warm-up mcp", mcp, WARMUP);
    LoadRunner.run("warm-up mcp 2026-07-28", modern, WARMUP);
    LoadRunner.Result floor = LoadRunner.run("JAX-RS JSON echo", echo, RUN);
    LoadRunner.Result status = LoadRunner.run("MCP get_powerbi_status", mcp, RUN);
    LoadRunner.Result stateless =
        LoadRunner.run("MCP get_powerbi_status, 2026-07-28 stateless", modern, RUN);
    System.out.println();
    System.out.println(
        "benchmark: " + CLIENTS + " concurrent clients, " + RUN.toSeconds() + " s each");
    System.out.println("benchmark: " + floor);
    System.out.println("benchmark: " + status);
    System.out.println("benchmark: " + stateless);
    System.out.printf(
        "benchmark: ratio MCP/echo = %.2f, stateless/echo = %.2f (target >= 0.85)%n",
        status.perSecond() / floor.perSecond(), stateless.perSecond() / floor.perSecond());
  }
}
