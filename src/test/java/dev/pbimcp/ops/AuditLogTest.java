package dev.pbimcp.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.ToolCallListener.ToolCall;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
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

  @Test
  void everyLineOnceAndInOrderThoughFreshWritersTakeOver() throws Exception {
    java.util.logging.Logger audit = java.util.logging.Logger.getLogger("pbimcp.audit");
    List<Long> order = java.util.Collections.synchronizedList(new ArrayList<>());
    Set<Thread> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            writers.add(Thread.currentThread());
            order.add(
                (long)
                    Jsonp.createReader(new StringReader(r.getMessage()))
                        .readObject()
                        .getInt("duration_ms"));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    boolean parents = audit.getUseParentHandlers();
    audit.setUseParentHandlers(false);
    audit.addHandler(capture);
    try {
      AuditLog log = new AuditLog(false);
      // In chunks of 600, each written before the next comes: a writer takes 1,000 lines and then
      // some, so five chunks take three writers.
      int chunk = 600;
      int lines = chunk * 5;
      for (int i = 0; i < lines; i++) {
        log.called(
            new ToolCall("get_powerbi_status", "oid", ARGS, Duration.ofMillis(i), "ok", null));
        if ((i + 1) % chunk == 0) {
          long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          while (log.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
        }
      }
      log.flush();
      assertEquals(LongStream.range(0, lines).boxed().toList(), order, "each line once, in order");
      assertEquals(3, writers.size(), "fresh writers took over");
    } finally {
      audit.removeHandler(capture);
      audit.setUseParentHandlers(parents);
    }
  }
}
