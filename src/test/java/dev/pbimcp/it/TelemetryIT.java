package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenTelemetry turned on (OTEL_SDK_DISABLED=false, OTLP over HTTP to a receiver of the test's):
 * after tool calls the exported metrics count them by tool and outcome with their durations, count
 * the Power BI calls by status, show the circuit closed and the session started; every Power BI
 * call is a client span inside the trace of the MCP request that made it, and the emulator's server
 * span is its child (the trace context travels with the call); the audit line arrives as a log
 * record.
 */
@ExtendWith(ArquillianExtension.class)
class TelemetryIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  @Test
  void metricsSpansAndLogsAfterToolCalls() throws Exception {
    try (OtlpReceiver otlp = new OtlpReceiver();
        ExtraServer server =
            new ExtraServer(
                    "pbimcp-telemetry",
                    Ports.second(),
                    "telemetry-session-key-0123456789abcdefgh",
                    Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_METRIC_EXPORT_INTERVAL", "500",
                        "OTEL_BSP_SCHEDULE_DELAY", "200",
                        "OTEL_BLRP_SCHEDULE_DELAY", "200",
                        "OTEL_SERVICE_NAME", "pbimcp",
                        "PBIMCP_TELEMETRY_LOGS", "message"))
                .start()) {
      McpHttp client = McpHttp.on(server.port());
      client.initialize();
      for (int i = 0; i < 3; i++) {
        client.callTool("get_powerbi_status", JsonValue.EMPTY_JSON_OBJECT);
      }
      JsonObject workspaces =
          client.callTool(
              "list_powerbi_workspaces", Json.createObjectBuilder().add("top", 5).build());
      assertTrue(!workspaces.getBoolean("isError", false), workspaces.toString());
      JsonObject unknown =
          client.callTool(
              "get_powerbi_datasets",
              Json.createObjectBuilder()
                  .add("workspace_id", "00000000-0000-0000-0000-000000000000")
                  .build());
      assertTrue(unknown.getBoolean("isError", false), "a 404 from Power BI: " + unknown);

      // Exports come every half second: wait until the last call's numbers have arrived.
      long deadline = System.nanoTime() + 30_000_000_000L;
      List<OtlpReceiver.Span> clientSpans = List.of();
      while (System.nanoTime() < deadline) {
        List<OtlpReceiver.Point> now = otlp.points();
        clientSpans = powerBiClientSpans(otlp.spans());
        double calls = max(now, "pbimcp.powerbi.calls", a -> is(a, "outcome", "200"));
        if (max(now, "pbimcp.tool.calls", a -> is(a, "tool", "get_powerbi_datasets")) >= 1
            && max(now, "pbimcp.powerbi.calls", a -> is(a, "outcome", "404")) >= 1
            && clientSpans.size() >= calls + 1
            && logs(otlp).contains("get_powerbi_datasets")) {
          break;
        }
        Thread.sleep(250);
      }
      List<OtlpReceiver.Point> points = otlp.points();
      assertEquals(
          3.0,
          max(
              points,
              "pbimcp.tool.calls",
              a -> is(a, "tool", "get_powerbi_status") && is(a, "outcome", "ok")),
          "status calls counted by tool and outcome: " + names(points));
      assertEquals(
          1.0,
          max(
              points,
              "pbimcp.tool.calls",
              a -> is(a, "tool", "get_powerbi_datasets") && is(a, "outcome", "tool_error")),
          names(points).toString());
      assertTrue(
          max(points, "pbimcp.tool.duration", a -> is(a, "tool", "get_powerbi_status")) >= 3,
          "durations: a histogram count");
      double ok = max(points, "pbimcp.powerbi.calls", a -> is(a, "outcome", "200"));
      assertTrue(ok >= 2, "Power BI calls by status: " + names(points));
      assertEquals(
          1.0,
          max(points, "pbimcp.powerbi.calls", a -> is(a, "outcome", "404")),
          "the 404, once (not retried)");
      assertTrue(max(points, "pbimcp.powerbi.duration", a -> true) >= 3);
      assertEquals(
          0.0, max(points, "pbimcp.powerbi.circuit.state", a -> true), "the circuit is closed");
      assertTrue(max(points, "pbimcp.sessions.started", a -> true) >= 1);
      assertTrue(points.stream().anyMatch(p -> p.metric().equals("pbimcp.streams.open")));

      List<OtlpReceiver.Span> spans = otlp.spans();
      assertEquals(ok + 1, clientSpans.size(), "a client span per Power BI call: " + clientSpans);
      for (OtlpReceiver.Span c : clientSpans) {
        assertTrue(
            spans.stream()
                .anyMatch(
                    s ->
                        s.kind() == 2
                            && s.traceId().equals(c.traceId())
                            && s.name().contains("/mcp")),
            "the Power BI call is inside the trace of its MCP request: " + c);
        assertTrue(
            spans.stream().anyMatch(s -> s.kind() == 2 && s.parentId().equals(c.spanId())),
            "the emulator's server span is the call's child (traceparent sent): " + c);
      }
      assertTrue(
          logs(otlp).contains("\"event\":\"tool_call\""),
          "the audit line is exported as a log record");
    }
  }

  private static String logs(OtlpReceiver otlp) {
    return otlp.bodies("logs").stream()
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .reduce("", String::concat);
  }

  private static List<OtlpReceiver.Span> powerBiClientSpans(List<OtlpReceiver.Span> spans) {
    return spans.stream()
        .filter(s -> s.kind() == 3)
        .filter(
            s ->
                s.attributes().values().stream()
                    .anyMatch(v -> v != null && v.contains("/emulator/v1.0/myorg")))
        .toList();
  }

  private static boolean is(Map<String, String> attributes, String key, String value) {
    return value.equals(attributes.get(key));
  }

  /** The latest value of a cumulative metric: the largest any export reported. */
  private static double max(
      List<OtlpReceiver.Point> points, String metric, Predicate<Map<String, String>> which) {
    return points.stream()
        .filter(p -> p.metric().equals(metric) && which.test(p.attributes()))
        .mapToDouble(OtlpReceiver.Point::value)
        .max()
        .orElse(-1);
  }

  private static List<String> names(List<OtlpReceiver.Point> points) {
    return points.stream()
        .map(p -> p.metric() + p.attributes() + "=" + p.value())
        .distinct()
        .toList();
  }
}
