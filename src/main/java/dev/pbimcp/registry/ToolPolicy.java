package dev.pbimcp.registry;

import dev.pbimcp.cdi.Unproxied;
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
@Unproxied
public class ToolPolicy {
  /** Below Claude's ~150,000 characters a tool result, with room for the client's framing. */
  public static final int DEFAULT_RESULT_BUDGET = 100_000;

  static final int MIN_RESULT_BUDGET = 10_000;

  private final boolean readOnly;
  private final Set<String> toolsets;
  private final int resultBudget;

  @Inject
  public ToolPolicy(
      @ConfigProperty(name = "pbimcp.read-only", defaultValue = "true") boolean readOnly,
      @ConfigProperty(name = "pbimcp.toolsets", defaultValue = "all") String toolsets,
      @ConfigProperty(name = "pbimcp.result.max-chars", defaultValue = "100000") int resultBudget) {
    if (resultBudget < MIN_RESULT_BUDGET) {
      throw new IllegalArgumentException(
          "PBIMCP_RESULT_MAX_CHARS is "
              + resultBudget
              + "; it must be at least "
              + MIN_RESULT_BUDGET
              + " characters.");
    }
    this.resultBudget = resultBudget;
    this.readOnly = readOnly;
    this.toolsets =
        Arrays.stream(toolsets.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The most characters one tool result may take, all content blocks and structured content. */
  public int resultBudget() {
    return resultBudget;
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
