package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.Payloads.Workspace;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.List;

/** {@code list_powerbi_workspaces}. */
@Unproxied
@Toolset("workspaces")
public class ListWorkspacesTool
    extends PowerBiTool<ListWorkspacesTool.Input, ListWorkspacesTool.Output> {
  static final int DEFAULT_TOP = 100;

  /** Arguments. */
  public record Input(
      @Param(
              value = "Only workspaces whose name contains this text (case-insensitive).",
              maxLength = 100)
          String nameContains,
      @Param(value = "How many workspaces to return (default 100).", min = 1, max = 1000)
          Integer top,
      @Param(
              value =
                  "How many to skip, for the next page (use next_skip from the previous answer).",
              min = 0)
          Integer skip) {}

  /** One workspace. */
  public record WorkspaceInfo(
      @Param(value = "Workspace id, for the other tools.", required = true) String id,
      @Param(value = "Workspace name.", required = true) String name,
      @Param("Workspace type.") String type,
      @Param("True when the workspace is on Premium/Fabric capacity.")
          boolean onDedicatedCapacity) {}

  /** The page of workspaces. */
  public record Output(
      @Param(value = "The workspaces.", required = true) List<WorkspaceInfo> workspaces,
      @Param(value = "Pass as skip to get the next page; absent on the last page.")
          Integer nextSkip) {}

  private final PowerBiGateway gateway;

  @Inject
  public ListWorkspacesTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "list_powerbi_workspaces",
        "List Power BI workspaces",
        "Lists the Power BI workspaces the user can see (not 'My workspace'), optionally filtered by"
            + " name, a page at a time. Use it to find the workspace_id other tools need.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    int top = in.top() == null ? DEFAULT_TOP : in.top();
    int skip = in.skip() == null ? 0 : in.skip();
    List<Workspace> page = gateway.workspaces(in.nameContains(), top, skip);
    List<WorkspaceInfo> out =
        page.stream()
            .map(w -> new WorkspaceInfo(w.id(), w.name(), w.type(), w.dedicatedCapacity()))
            .toList();
    return answer(new Output(out, page.size() == top ? skip + top : null));
  }

  @Override
  protected String render(Output o) {
    if (o.workspaces().isEmpty()) {
      return "No workspaces found. The user may lack access, or the name filter matches nothing.";
    }
    return o.workspaces().size()
        + " workspace(s):\n"
        + Tables.markdown(
            List.of("name", "id", "capacity"),
            o.workspaces().stream()
                .map(
                    w ->
                        List.of(w.name(), w.id(), w.onDedicatedCapacity() ? "dedicated" : "shared"))
                .toList())
        + (o.nextSkip() == null
            ? ""
            : "More workspaces: call again with skip=" + o.nextSkip() + ".");
  }
}
