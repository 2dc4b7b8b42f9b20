package dev.pbimcp.ops;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.registry.ToolCallListener;
import dev.pbimcp.telemetry.Telemetry;
import jakarta.inject.Inject;

/** Every tool call, counted and timed by tool and outcome for the telemetry. */
@Unproxied
public class ToolCallMetrics implements ToolCallListener {
  private final Telemetry telemetry;

  @Inject
  public ToolCallMetrics(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public void called(ToolCall call) {
    telemetry.toolCall(call.tool(), call.outcome(), call.duration().toNanos());
  }
}
