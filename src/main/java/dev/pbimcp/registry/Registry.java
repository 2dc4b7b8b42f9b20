package dev.pbimcp.registry;

import dev.pbimcp.cdi.Unproxied;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every tool, resource provider and prompt found among the CDI beans, in a stable order (by name),
 * with the {@link ToolPolicy} applied. Built once at start-up; a broken definition (bad name,
 * duplicate) stops the application with a message naming the culprit.
 */
@Unproxied
public class Registry {
  private final Instance<McpTool> toolBeans;
  private final Instance<ResourceProvider> resourceBeans;
  private final Instance<McpPrompt> promptBeans;
  private final ToolPolicy policy;

  private Map<String, McpTool> tools = Map.of();
  private Map<String, McpPrompt> prompts = Map.of();
  private List<ResourceProvider> resourceProviders = List.of();
  private List<String> toolOrder = List.of();
  private List<String> promptOrder = List.of();

  @Inject
  public Registry(
      Instance<McpTool> toolBeans,
      Instance<ResourceProvider> resourceBeans,
      Instance<McpPrompt> promptBeans,
      ToolPolicy policy) {
    this.toolBeans = toolBeans;
    this.resourceBeans = resourceBeans;
    this.promptBeans = promptBeans;
    this.policy = policy;
  }

  /** The most characters one tool result may take. */
  public int resultBudget() {
    return policy.resultBudget();
  }

  @PostConstruct
  void load() {
    var t = new TreeMap<String, McpTool>();
    for (McpTool tool : toolBeans) {
      ToolDefinition d = tool.definition();
      Toolset set = tool.getClass().getAnnotation(Toolset.class);
      if (!policy.allows(d, set == null ? null : set.value())) {
        continue;
      }
      if (t.putIfAbsent(d.name(), tool) != null) {
        throw new IllegalStateException("Two tools are named " + d.name());
      }
    }
    var p = new TreeMap<String, McpPrompt>();
    for (McpPrompt prompt : promptBeans) {
      if (p.putIfAbsent(prompt.definition().name(), prompt) != null) {
        throw new IllegalStateException("Two prompts are named " + prompt.definition().name());
      }
    }
    var r = new ArrayList<ResourceProvider>();
    resourceBeans.forEach(r::add);
    r.sort(Comparator.comparing(x -> x.getClass().getName()));
    tools = Map.copyOf(t);
    prompts = Map.copyOf(p);
    resourceProviders = List.copyOf(r);
    toolOrder = List.copyOf(t.keySet());
    promptOrder = List.copyOf(p.keySet());
  }

  public List<ToolDefinition> tools() {
    return toolOrder.stream().map(n -> tools.get(n).definition()).toList();
  }

  public Optional<McpTool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<PromptDefinition> prompts() {
    return promptOrder.stream().map(n -> prompts.get(n).definition()).toList();
  }

  public Optional<McpPrompt> prompt(String name) {
    return Optional.ofNullable(prompts.get(name));
  }

  public List<ResourceProvider> resourceProviders() {
    return resourceProviders;
  }

  public boolean hasResources() {
    return !resourceProviders.isEmpty();
  }

  public boolean hasPrompts() {
    return !prompts.isEmpty();
  }
}
