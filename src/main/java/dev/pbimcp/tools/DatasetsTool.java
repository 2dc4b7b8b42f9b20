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

/** {@code get_powerbi_datasets}. */
@Unproxied
@Toolset("models")
public class DatasetsTool extends PowerBiTool<DatasetsTool.Input, DatasetsTool.Output> {

  /** Arguments. */
  public record Input(
      @Param("Workspace id. Leave out to list the models of every visible workspace.")
          String workspaceId) {}

  /** The models found. */
  public record Output(
      @Param(value = "The semantic models.", required = true) List<ModelInfo> models,
      @Param("Workspaces that could not be read, with the reason.") List<String> skipped) {}

  private final PowerBiGateway gateway;

  @Inject
  public DatasetsTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "get_powerbi_datasets",
        "List semantic models",
        "Lists the semantic models (datasets) of one workspace, or of every workspace the user can"
            + " see. Shows whether row-level security applies. Use the ids with"
            + " get_powerbi_model_schema and execute_powerbi_query.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    if (in.workspaceId() != null && !in.workspaceId().isBlank()) {
      String ws = guid(in.workspaceId(), "workspace_id");
      return answer(
          new Output(
              gateway.models(ws).stream().map(m -> ModelInfo.of(m, null)).toList(), List.of()));
    }
    List<ModelInfo> all = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Workspace> workspaces = gateway.workspaces(null, 1000, 0);
    int done = 0;
    for (Workspace w : workspaces) {
      try {
        gateway.models(w.id()).forEach(m -> all.add(ModelInfo.of(m, w.name())));
      } catch (PowerBiException e) {
        skipped.add(w.name() + ": " + e.getMessage());
      }
      context.progress(++done, (double) workspaces.size(), w.name());
    }
    return answer(new Output(all, skipped));
  }

  @Override
  protected String render(Output o) {
    if (o.models().isEmpty()) {
      return "No semantic models found." + skippedText(o);
    }
    return o.models().size()
        + " semantic model(s):\n"
        + Tables.markdown(
            List.of("name", "id", "workspace", "RLS"),
            o.models().stream()
                .map(
                    m ->
                        List.of(
                            m.name(),
                            m.id(),
                            m.workspaceName() == null ? m.workspaceId() : m.workspaceName(),
                            m.rlsRequired() ? "yes" : "no"))
                .toList())
        + skippedText(o);
  }

  private static String skippedText(Output o) {
    return o.skipped().isEmpty() ? "" : "\nNot readable: " + String.join("; ", o.skipped());
  }
}
