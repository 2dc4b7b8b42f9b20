package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.Payloads.Workspace;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code search_powerbi_models}: find semantic models by name across workspaces. */
@Unproxied
@Toolset("models")
public class SearchModelsTool extends PowerBiTool<SearchModelsTool.Input, DatasetsTool.Output> {

  /** Arguments. */
  public record Input(
      @Param(
              value = "Text the model's name contains (case-insensitive).",
              required = true,
              minLength = 1,
              maxLength = 100)
          String query) {}

  private final PowerBiGateway gateway;

  @Inject
  public SearchModelsTool(PowerBiGateway gateway) {
    super(
        Input.class,
        DatasetsTool.Output.class,
        "search_powerbi_models",
        "Search semantic models",
        "Finds semantic models by name in every workspace the user can see, with their workspace."
            + " Use it when the user names a model (\"the sales model\") but not a workspace.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<DatasetsTool.Output> run(Input in, ToolContext context) {
    String needle = in.query().toLowerCase(Locale.ROOT);
    List<ModelInfo> found = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Workspace> workspaces = gateway.workspaces(null, 1000, 0);
    int done = 0;
    for (Workspace w : workspaces) {
      try {
        gateway.models(w.id()).stream()
            .filter(m -> m.name() != null && m.name().toLowerCase(Locale.ROOT).contains(needle))
            .forEach(m -> found.add(ModelInfo.of(m, w.name())));
      } catch (PowerBiException e) {
        skipped.add(w.name() + ": " + e.getMessage());
      }
      context.progress(++done, (double) workspaces.size(), w.name());
    }
    return answer(new DatasetsTool.Output(found, skipped));
  }

  @Override
  protected String render(DatasetsTool.Output o) {
    if (o.models().isEmpty()) {
      return "No semantic model name contains that text."
          + (o.skipped().isEmpty() ? "" : " Not readable: " + String.join("; ", o.skipped()));
    }
    return Tables.markdown(
        List.of("model", "id", "workspace", "workspace_id"),
        o.models().stream()
            .map(m -> List.of(m.name(), m.id(), m.workspaceName(), m.workspaceId()))
            .toList());
  }
}
