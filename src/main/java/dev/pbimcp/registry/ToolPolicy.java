package dev.pbimcp.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which tools a client may see and call. Read-only mode wins over every other setting: no
 * tool without {@code readOnlyHint} is offered while it is on, which it is by default.
 */
@ApplicationScoped
public class ToolPolicy {
  private final boolean readOnly;

  @Inject
  public ToolPolicy(
      @ConfigProperty(name = "pbimcp.read-only", defaultValue = "true") boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** For CDI's proxy. */
  protected ToolPolicy() {
    this(true);
  }

  public boolean readOnly() {
    return readOnly;
  }

  public boolean allows(ToolDefinition tool) {
    return tool.readOnly() || !readOnly;
  }
}
