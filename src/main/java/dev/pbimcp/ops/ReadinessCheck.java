package dev.pbimcp.ops;

import dev.pbimcp.registry.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the registry offers at least one tool: a load balancer may send traffic. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  private final Registry registry;

  @Inject
  public ReadinessCheck(Registry registry) {
    this.registry = registry;
  }

  /** For CDI's proxy. */
  protected ReadinessCheck() {
    this(null);
  }

  @Override
  public HealthCheckResponse call() {
    int tools = registry.tools().size();
    return HealthCheckResponse.named("mcp-registry")
        .status(tools > 0)
        .withData("tools", tools)
        .build();
  }
}
