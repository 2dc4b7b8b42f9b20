package dev.pbimcp.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which tools a client may see and call. Read-only mode wins over every other setting: no
 * tool without {@code readOnlyHint} is offered while it is on, which it is by default.
 */
@ApplicationScoped
public class ToolPolicy {
  private final boolean readOnly;
  private final Set<String> toolsets;

  @Inject
  public ToolPolicy(
      @ConfigProperty(name = "pbimcp.read-only", defaultValue = "true") boolean readOnly,
      @ConfigProperty(name = "pbimcp.toolsets", defaultValue = "all") String toolsets) {
    this.readOnly = readOnly;
    this.toolsets =
        Arrays.stream(toolsets.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** For CDI's proxy. */
  protected ToolPolicy() {
    this(true, "all");
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** Read-only mode first: it wins over every toolset setting. */
  public boolean allows(ToolDefinition tool, String toolset) {
    if (readOnly && !tool.readOnly()) {
      return false;
    }
    return toolsets.contains("all")
        || toolset == null
        || toolsets.contains(toolset.toLowerCase(Locale.ROOT));
  }
}
