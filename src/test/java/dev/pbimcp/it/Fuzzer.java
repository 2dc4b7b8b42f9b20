package dev.pbimcp.it;

import dev.pbimcp.auth.McpPaths;
import dev.pbimcp.it.RawHttp.Raw;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Seeded mutations of valid MCP traffic sent to a running server over every door ({@code /mcp} with
 * and without a session, the 2026-07-28 era, {@code /messages}, {@code /sse}, other paths): bodies
 * cut, flipped, spliced and re-typed; headers malformed; methods and paths odd. Each answer is
 * classed; a 5xx, a Java internal in any answer, or an MCP answer that is not JSON-RPC is a
 * finding, kept with the request that caused it.
 */
final class Fuzzer {
  /** What a Java internal in an answer looks like: class names, exceptions, stack frames. */
  static final Pattern LEAK =
      Pattern.compile("java\\.|jakarta\\.|com\\.ibm|Exception|SRVE\\d|\\tat |\\.java:");

  private static final List<String> MESSAGES =
      List.of(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":{}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"tools/call\",\"params\":{\"name\":\"list_powerbi_workspaces\",\"arguments\":{\"top\":5}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\",\"params\":{\"cursor\":\"x\"}}",
          "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"prompts/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}",
          "[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]",
          "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"server/discover\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"get_powerbi_status\",\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
  private static final List<String> ACCEPTS =
      List.of(
          "application/json, text/event-stream",
          "application/json",
          "*/*",
          "text/event-stream",
          "application/json;q=\"",
          "text/event-stream;q=abc",
          "application/json;q=2",
          "text/html",
          ";;;",
          "application/json, text/event-stream;q=0.5;level=1");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/json;charset=\"x",
          "application/json; charset=latin-7",
          "multipart/form-data; boundary=x",
          "/");
  private static final List<String> ENCODINGS = List.of("gzip", "identity", "br", "gzip, gzip");
  private static final List<String> METHODS =
      List.of("PUT", "PATCH", "OPTIONS", "HEAD", "TRACE", "DELETE", "GET");
  private static final List<String> ODD_PATHS =
      List.of(
          "/mcp/",
          "/mcp/x",
          "/mcp#x",
          "/m%23cp",
          "/%",
          "/mcp%00",
          "/mcp/..%2f..",
          "//mcp",
          "/messages",
          "/sse?x=%zz",
          "/WEB-INF/web.xml",
          "/META-INF/MANIFEST.MF",
          "/.well-known/oauth-protected-resource/mcp",
          "/oauth/token",
          "/emulator/v1.0/myorg/groups",
          "/health/ready",
          "/%E2%80%AE",
          "/mcp?sessionId=%ff");

  private static final String JSON_SPECIALS = "\"\\/{}[]:,";

  private final int port;
  private final String session;
  private final Random random;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> findings = new ArrayList<>();

  Fuzzer(int port, String session, long seed) {
    this.port = port;
    this.session = session;
    this.random = new Random(seed);
  }

  /** Runs {@code cases} requests; the outcome counts, by class. */
  Map<String, Integer> run(int cases) {
    for (int i = 0; i < cases; i++) {
      String[] request = request();
      String outcome;
      try {
        Raw r = RawHttp.send(port, request[0], request[1].getBytes(StandardCharsets.UTF_8));
        outcome = classify(request[2], r);
        if (outcome.startsWith("FINDING")) {
          if (findings.size() < 20) {
            findings.add(outcome + "\n>>> " + request[0] + "\n" + request[1] + "\n<<< " + r);
          }
        }
      } catch (Exception e) {
        outcome = "FINDING no answer (" + e.getClass().getSimpleName() + ")";
        if (findings.size() < 20) {
          findings.add(outcome + "\n>>> " + request[0] + "\n" + request[1]);
        }
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    return outcomes;
  }

  List<String> findings() {
    return findings;
  }

  /** The request: head lines, body, path. */
  private String[] request() {
    int door = random.nextInt(10);
    String method = "POST";
    String path;
    StringBuilder head = new StringBuilder();
    switch (door) {
      case 0, 1, 2 -> {
        path = "/mcp";
        head.append("Mcp-Session-Id: ").append(session).append("\r\n");
        head.append("MCP-Protocol-Version: 2025-11-25\r\n");
      }
      case 3 -> path = "/mcp";
      case 4 -> {
        path = "/mcp";
        head.append("MCP-Protocol-Version: 2026-07-28\r\n");
        head.append("Mcp-Method: ").append(pick(List.of("tools/call", "server/discover", "x")));
        head.append("\r\nMcp-Name: get_powerbi_status\r\n");
      }
      case 5 -> path = "/messages?sessionId=" + pick(List.of("x", session, ""));
      case 6 -> {
        method = pick(METHODS);
        path = pick(List.of("/mcp", "/sse", "/messages"));
        head.append("Mcp-Session-Id: ").append(random.nextBoolean() ? "nope" : session);
        head.append("\r\n");
      }
      case 7 -> {
        method = random.nextBoolean() ? "GET" : "POST";
        path = pick(ODD_PATHS);
      }
      default -> {
        path = "/mcp";
        head.append("Mcp-Session-Id: ").append(session).append("\r\n");
      }
    }
    if ("DELETE".equals(method)) {
      head.setLength(0); // never end the fuzzer's own session
      head.append("Mcp-Session-Id: nope\r\n");
    }
    head.append("Host: 127.0.0.1\r\n");
    head.append("Accept: ").append(random.nextInt(3) == 0 ? pick(ACCEPTS) : ACCEPTS.get(0));
    head.append("\r\nContent-Type: ");
    head.append(random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : "application/json").append("\r\n");
    if (random.nextInt(12) == 0) {
      head.append("Content-Encoding: ").append(pick(ENCODINGS)).append("\r\n");
    }
    if (random.nextInt(10) == 0) {
      head.append("Last-Event-ID: ").append(headerSafe(token())).append("\r\n");
    }
    String body = mutate(pick(MESSAGES));
    return new String[] {method + " " + path + " HTTP/1.1\r\n" + head, body, path};
  }

  private String mutate(String message) {
    StringBuilder b = new StringBuilder(message);
    switch (random.nextInt(9)) {
      case 0 -> {
        return message;
      }
      case 1 -> b.setLength(random.nextInt(b.length() + 1)); // cut
      case 2 -> b.setCharAt(random.nextInt(b.length()), (char) (32 + random.nextInt(95))); // flip
      case 3 -> b.insert(random.nextInt(b.length()), text()); // splice text
      case 4 -> { // a value re-typed
        String[] values = {"null", "true", "[]", "{}", "-0", "1e400", "\"\"", "\"\\ud800\""};
        String v = values[random.nextInt(values.length)];
        return message.replaceFirst(
            ":(\"[^\"]*\"|\\d+|\\{\\})", java.util.regex.Matcher.quoteReplacement(":" + v));
      }
      case 5 -> { // a string replaced by random text, escaped as JSON
        return message.replaceFirst(
            ":\"[^\"]*\"",
            java.util.regex.Matcher.quoteReplacement(":" + Json.createValue(text())));
      }
      case 6 -> {
        return "[".repeat(random.nextInt(2000)) + message;
      }
      case 7 -> b.append(b); // two messages back to back
      default -> b.insert(1, "\"jsonrpc\":\"2.0\",\"id\":" + random.nextLong() + ",");
    }
    return b.toString();
  }

  private String classify(String path, Raw r) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    // MicroProfile Health answers 503 while a check is DOWN: that is its contract, not a failure.
    if (r.status() == 503 && p.startsWith("/health")) {
      return "503 health DOWN";
    }
    if (r.status() >= 500) {
      return "FINDING 5xx";
    }
    if (r.status() < 100) {
      return "FINDING no status line";
    }
    if (LEAK.matcher(r.toString()).find()) {
      return "FINDING leak";
    }
    // The MCP endpoints themselves; what lies below them (/mcp/x) is an unknown path.
    if (McpPaths.SEGMENTS.contains(p.substring(1))
        && r.headerContains("content-type: application/json")
        && !r.body().isBlank()
        && !jsonRpc(r.body())) {
      return "FINDING broken JSON-RPC";
    }
    return r.status() / 100 + "xx";
  }

  private static boolean jsonRpc(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      if (v instanceof JsonArray a) {
        return !a.isEmpty() && a.stream().allMatch(Fuzzer::oneAnswer);
      }
      return oneAnswer(v);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean oneAnswer(JsonValue v) {
    if (!(v instanceof JsonObject o) || !"2.0".equals(o.getString("jsonrpc", null))) {
      return false;
    }
    if (!o.containsKey("id")) {
      return false;
    }
    if (o.containsKey("result") == o.containsKey("error")) {
      return false;
    }
    if (o.get("error") instanceof JsonObject e) {
      return e.get("code") instanceof jakarta.json.JsonNumber && e.get("message") != null;
    }
    return o.get("result") instanceof JsonObject;
  }

  /**
   * Up to 40 characters from every corner: printable ASCII, controls, JSON's specials, any BMP
   * character, lone surrogates and surrogate pairs. (java.util.Random, seeded, so that a finding is
   * replayed by its seed; jqwik's generators run only on jqwik's own threads.)
   */
  private String text() {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(41);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0 -> b.append((char) (0x20 + random.nextInt(0x5f)));
        case 1 -> b.append((char) random.nextInt(0x20));
        case 2 -> b.append(JSON_SPECIALS.charAt(random.nextInt(JSON_SPECIALS.length())));
        case 3 -> b.append((char) random.nextInt(0x10000));
        case 4 -> b.append((char) (0xd800 + random.nextInt(0x800)));
        default -> b.appendCodePoint(0x10000 + random.nextInt(0xf0000));
      }
    }
    return b.toString();
  }

  private String token() {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append((char) ('!' + random.nextInt('~' - '!' + 1)));
    }
    return b.toString();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String headerSafe(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "x");
  }
}
