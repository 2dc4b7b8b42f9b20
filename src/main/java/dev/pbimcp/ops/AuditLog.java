package dev.pbimcp.ops;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.ToolCallListener;
import dev.pbimcp.telemetry.RequestId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One JSON line per tool call on the {@code pbimcp.audit} logger: who, which tool, which workspace
 * and model, how long, how many rows, and the outcome. DAX text only when PBIMCP_AUDIT_INCLUDE_DAX
 * is on; never a token or other argument.
 */
@ApplicationScoped
public class AuditLog implements ToolCallListener {
  private static final Logger AUDIT = Logger.getLogger("pbimcp.audit");

  /** Lines waiting at most, past which a caller writes its own line (nothing is lost). */
  private static final int MOST_PENDING = 10_000;

  /** How long the writer sleeps between batches: how late a line may appear in the log. */
  private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final boolean includeDax;
  private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile Thread writer;
  private volatile boolean stopping;

  @Inject
  public AuditLog(
      @ConfigProperty(name = "pbimcp.audit.include-dax", defaultValue = "false")
          boolean includeDax) {
    this.includeDax = includeDax;
  }

  /** For CDI's proxy. */
  protected AuditLog() {
    this(false);
  }

  /**
   * Queues the line for a writer thread that wakes every 50 ms and writes what came: a hand-off per
   * call (an executor's queue signalling its thread) cost the request threads a lock and a wake-up
   * each. When the queue is full, or the log is stopping, the caller writes its line itself.
   */
  @Override
  public void called(ToolCall call) {
    String line = line(call, includeDax);
    if (!stopping) {
      if (size.incrementAndGet() <= MOST_PENDING) {
        pending.add(line);
        if (writer == null) {
          startWriter();
        }
        return;
      }
      size.decrementAndGet();
    }
    AUDIT.info(line);
  }

  private synchronized void startWriter() {
    if (writer != null) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              while (!stopping) {
                drain();
                LockSupport.parkNanos(BATCH_NANOS);
              }
            },
            "pbimcp-audit");
    t.setDaemon(true);
    t.start();
    writer = t;
  }

  private void drain() {
    for (String line; (line = pending.poll()) != null; ) {
      size.decrementAndGet();
      AUDIT.info(line);
    }
  }

  @PreDestroy
  void flush() {
    stopping = true;
    Thread t = writer;
    if (t != null) {
      LockSupport.unpark(t);
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    drain();
  }

  /** The line, written straight out (no object built to be written): it is made on every call. */
  static String line(ToolCall call, boolean includeDax) {
    java.io.StringWriter out = new java.io.StringWriter(256);
    try (jakarta.json.stream.JsonGenerator g = Jsonp.createGenerator(out)) {
      g.writeStartObject()
          .write("event", "tool_call")
          .write("tool", call.tool())
          .write(
              "caller",
              CallerContext.current()
                  .map(Caller::subject)
                  .orElse(call.caller() == null ? "" : call.caller()))
          .write("duration_ms", call.duration().toMillis())
          .write("outcome", call.outcome());
      copy(call.arguments(), "workspace_id", g);
      copy(call.arguments(), "dataset_id", g);
      String requestId = RequestId.current();
      if (requestId != null) {
        g.write("request_id", requestId);
      }
      long rows = rows(call.result());
      if (rows >= 0) {
        g.write("rows", rows);
      }
      if (includeDax && call.arguments().get("queries") != null) {
        g.write("dax", call.arguments().get("queries"));
      }
      g.writeEnd();
    }
    return out.toString();
  }

  private static void copy(JsonObject args, String key, jakarta.json.stream.JsonGenerator g) {
    if (args.get(key) instanceof jakarta.json.JsonString s) {
      g.write(key, s.getString().length() > 64 ? s.getString().substring(0, 64) : s.getString());
    }
  }

  /** Rows Power BI returned, summed over the queries of a call; -1 when the tool returns none. */
  private static long rows(JsonObject result) {
    if (result == null
        || !(result.get("structuredContent") instanceof JsonObject sc)
        || !(sc.get("results") instanceof jakarta.json.JsonArray results)) {
      return -1;
    }
    long n = 0;
    for (JsonValue r : results) {
      if (r instanceof JsonObject o && o.get("row_count") instanceof JsonNumber count) {
        n += count.longValue();
      }
    }
    return n;
  }
}
