package dev.pbimcp.conformance;

import dev.pbimcp.mcp.Subscriptions;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ResourceContents;
import dev.pbimcp.registry.ResourceDescriptor;
import dev.pbimcp.registry.ResourceProvider;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures for our own integration tests (not the suite's): a long call that counts how it ended,
 * so a test can prove cancellation stops the work, and a way to fire a resource update.
 */
@ApplicationScoped
public class TestOnlyFixtures implements ResourceProvider {
  static final String COUNTERS = "fixture://counters";
  private static final AtomicInteger CANCELLED = new AtomicInteger();
  private static final AtomicInteger COMPLETED = new AtomicInteger();

  @Produces
  McpTool waitTool() {
    JsonObject schema =
        Json.createObjectBuilder()
            .add("type", "object")
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add(
                        "steps",
                        Json.createObjectBuilder()
                            .add("type", "integer")
                            .add("minimum", 1)
                            .add("maximum", 600)))
            .add("required", Json.createArrayBuilder().add("steps"))
            .build();
    return new FixtureTool(
        "fixture_wait",
        "Works for the given number of 100 ms steps, reporting progress after each.",
        schema,
        (a, c) -> {
          int steps = a.getInt("steps");
          try {
            for (int i = 1; i <= steps; i++) {
              Thread.sleep(100);
              c.progress(i, (double) steps, "step " + i);
            }
          } catch (InterruptedException e) {
            CANCELLED.incrementAndGet();
            throw e;
          }
          COMPLETED.incrementAndGet();
          return ToolResult.text("done after " + steps + " steps");
        });
  }

  @Produces
  McpTool touchTool(Subscriptions subscriptions) {
    JsonObject schema =
        Json.createObjectBuilder()
            .add("type", "object")
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add("uri", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("uri"))
            .build();
    return new FixtureTool(
        "fixture_touch",
        "Announces that a resource changed.",
        schema,
        (a, c) -> {
          subscriptions.updated(a.getString("uri"));
          return ToolResult.text("touched");
        });
  }

  @Override
  public List<ResourceDescriptor> resources() {
    return List.of(
        new ResourceDescriptor(
            COUNTERS, "counters", null, "How fixture_wait calls ended", "application/json"));
  }

  @Override
  public Optional<List<JsonObject>> read(String uri) {
    if (!COUNTERS.equals(uri)) {
      return Optional.empty();
    }
    String json =
        Json.createObjectBuilder()
            .add("cancelled", CANCELLED.get())
            .add("completed", COMPLETED.get())
            .build()
            .toString();
    return Optional.of(List.of(ResourceContents.text(uri, "application/json", json)));
  }
}
