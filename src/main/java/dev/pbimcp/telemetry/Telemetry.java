package dev.pbimcp.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The server's own metrics: tool calls by tool and outcome and their duration, Power BI calls by
 * outcome (HTTP status, or the failure kind) and their duration, throttling (429s and the waits
 * they cost), and gauges others register (circuit state, open streams). Recorded through the {@link
 * Meter} MicroProfile Telemetry provides; a no-op while OpenTelemetry is off.
 */
@ApplicationScoped
public class Telemetry {
  static final AttributeKey<String> TOOL = AttributeKey.stringKey("tool");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  private final Meter meter;
  private final LongCounter toolCalls;
  private final DoubleHistogram toolDuration;
  private final LongCounter powerBiCalls;
  private final DoubleHistogram powerBiDuration;
  private final LongCounter throttled;
  private final DoubleHistogram throttleWait;
  private final LongCounter sessions;
  private final List<ObservableLongGauge> gauges = new CopyOnWriteArrayList<>();

  /** The Meter MicroProfile Telemetry provides, when the feature is there; else nothing records. */
  @Inject
  public Telemetry(Instance<Meter> meters) {
    this(meters.isResolvable() ? meters.get() : null);
  }

  Telemetry(Meter meter) {
    this.meter = meter;
    if (meter == null) {
      toolCalls = null;
      toolDuration = null;
      powerBiCalls = null;
      powerBiDuration = null;
      throttled = null;
      throttleWait = null;
      sessions = null;
      return;
    }
    toolCalls =
        meter
            .counterBuilder("pbimcp.tool.calls")
            .setDescription("Tool calls, by tool and outcome (ok, tool_error, failed).")
            .build();
    toolDuration =
        meter
            .histogramBuilder("pbimcp.tool.duration")
            .setDescription("How long tool calls took, by tool and outcome.")
            .setUnit("s")
            .build();
    powerBiCalls =
        meter
            .counterBuilder("pbimcp.powerbi.calls")
            .setDescription(
                "Calls to Power BI (each retry counts), by outcome: the HTTP status, or the"
                    + " failure (timeout, unavailable, malformed).")
            .build();
    powerBiDuration =
        meter
            .histogramBuilder("pbimcp.powerbi.duration")
            .setDescription("How long calls to Power BI took, by outcome.")
            .setUnit("s")
            .build();
    throttled =
        meter
            .counterBuilder("pbimcp.powerbi.throttled")
            .setDescription("429 answers from Power BI.")
            .build();
    throttleWait =
        meter
            .histogramBuilder("pbimcp.powerbi.throttle.wait")
            .setDescription("How long the server waited out a 429 before retrying.")
            .setUnit("s")
            .build();
    sessions =
        meter
            .counterBuilder("pbimcp.sessions.started")
            .setDescription(
                "MCP sessions started (initialize). Sessions are signed ids held by clients, so"
                    + " the server has no count of open ones.")
            .build();
  }

  /** For CDI's proxy. */
  protected Telemetry() {
    this((Meter) null);
  }

  public void toolCall(String tool, String outcome, long nanos) {
    if (toolCalls != null) {
      Attributes a = Attributes.of(TOOL, tool, OUTCOME, outcome);
      toolCalls.add(1, a);
      toolDuration.record(nanos / 1e9, a);
    }
  }

  /** One call to Power BI (one attempt): its outcome and how long it took. */
  public void powerBiCall(String outcome, long nanos) {
    if (powerBiCalls != null) {
      Attributes a = Attributes.of(OUTCOME, outcome);
      powerBiCalls.add(1, a);
      powerBiDuration.record(nanos / 1e9, a);
    }
  }

  /** A 429, and how long the server waits before it retries (0 when it does not). */
  public void throttled(long waitMillis) {
    if (throttled != null) {
      throttled.add(1);
      throttleWait.record(waitMillis / 1e3);
    }
  }

  public void sessionStarted() {
    if (sessions != null) {
      sessions.add(1);
    }
  }

  /**
   * A value read when metrics are exported: a circuit's state, a count of open streams. Read no
   * more once the application stops (its beans are gone by the last export).
   */
  public void gauge(String name, String description, LongSupplier value) {
    if (meter != null) {
      gauges.add(
          meter
              .gaugeBuilder(name)
              .setDescription(description)
              .ofLongs()
              .buildWithCallback(m -> m.record(value.getAsLong())));
    }
  }

  @PreDestroy
  void stop() {
    gauges.forEach(ObservableLongGauge::close);
    gauges.clear();
  }
}
