package dev.pbimcp.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.ToolCallListener.ToolCall;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private static final JsonObject ARGS =
      Jsonp.createObjectBuilder()
          .add("workspace_id", "w\"1\n")
          .add("dataset_id", "d".repeat(80))
          .add("queries", Jsonp.createArrayBuilder().add("EVALUATE 'Sales'"))
          .add("token", "not for the log")
          .build();
  private static final JsonObject RESULT =
      Jsonp.createObjectBuilder()
          .add(
              "structuredContent",
              Jsonp.createObjectBuilder()
                  .add(
                      "results",
                      Jsonp.createArrayBuilder()
                          .add(Jsonp.createObjectBuilder().add("row_count", 3))
                          .add(Jsonp.createObjectBuilder().add("row_count", 4))))
          .build();

  @Test
  void theLineIsOneJsonObjectWithTheCallsFacts() {
    ToolCall call =
        new ToolCall("execute_powerbi_query", "oid-1", ARGS, Duration.ofMillis(1234), "ok", RESULT);
    String line = AuditLog.line(call, true);
    assertFalse(line.contains("\n"), "one line");
    JsonObject o = Jsonp.createReader(new StringReader(line)).readObject();
    assertEquals("tool_call", o.getString("event"));
    assertEquals("execute_powerbi_query", o.getString("tool"));
    assertEquals("oid-1", o.getString("caller"));
    assertEquals(1234, o.getInt("duration_ms"));
    assertEquals("ok", o.getString("outcome"));
    assertEquals("w\"1\n", o.getString("workspace_id"));
    assertEquals("d".repeat(64), o.getString("dataset_id"));
    assertEquals(7, o.getInt("rows"));
    assertEquals(ARGS.get("queries"), o.get("dax"));
    assertFalse(o.containsKey("token"));
  }

  @Test
  void daxOnlyWhenAskedForAndNoRowsWithoutResults() {
    ToolCall call =
        new ToolCall("get_powerbi_status", null, ARGS, Duration.ZERO, "tool_error", null);
    JsonObject o = Jsonp.createReader(new StringReader(AuditLog.line(call, false))).readObject();
    assertEquals("", o.getString("caller"));
    assertFalse(o.containsKey("dax"));
    assertFalse(o.containsKey("rows"));
    assertFalse(o.containsKey("request_id"));
  }
}
