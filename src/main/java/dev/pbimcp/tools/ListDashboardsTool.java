package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.List;

/** {@code list_powerbi_dashboards}. */
@Unproxied
@Toolset("content")
public class ListDashboardsTool
    extends PowerBiTool<ListDashboardsTool.Input, ListDashboardsTool.Output> {

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param("Include each dashboard's tiles (default true).") Boolean includeTiles) {}

  /** A tile. */
  public record TileInfo(
      @Param(value = "Tile id.", required = true) String id,
      @Param("Tile title.") String title,
      @Param("Report the tile was pinned from.") String reportId,
      @Param("Semantic model behind the tile.") String datasetId) {}

  /** A dashboard. */
  public record DashboardInfo(
      @Param(value = "Dashboard id.", required = true) String id,
      @Param(value = "Dashboard name.", required = true) String name,
      @Param("Link to open it.") String webUrl,
      @Param("Its tiles, when asked for.") List<TileInfo> tiles) {}

  /** The dashboards. */
  public record Output(
      @Param(value = "Dashboards in the workspace.", required = true)
          List<DashboardInfo> dashboards) {}

  private final PowerBiGateway gateway;

  @Inject
  public ListDashboardsTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "list_powerbi_dashboards",
        "List dashboards and tiles",
        "Lists the dashboards of a workspace and, by default, their tiles with the report and"
            + " semantic model behind each tile.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    String ws = guid(in.workspaceId(), "workspace_id");
    boolean tiles = !Boolean.FALSE.equals(in.includeTiles());
    return answer(
        new Output(
            gateway.dashboards(ws).stream()
                .map(
                    d ->
                        new DashboardInfo(
                            d.id(),
                            d.name(),
                            d.webUrl(),
                            tiles
                                ? gateway.tiles(ws, d.id()).stream()
                                    .map(
                                        t ->
                                            new TileInfo(
                                                t.id(), t.title(), t.reportId(), t.datasetId()))
                                    .toList()
                                : null))
                .toList()));
  }

  @Override
  protected String render(Output o) {
    if (o.dashboards().isEmpty()) {
      return "No dashboards in this workspace.";
    }
    StringBuilder b = new StringBuilder();
    for (DashboardInfo d : o.dashboards()) {
      b.append(d.name()).append(" (").append(d.id()).append(")\n");
      if (d.tiles() != null) {
        d.tiles()
            .forEach(
                t ->
                    b.append("  - ")
                        .append(t.title())
                        .append(t.datasetId() == null ? "" : " [dataset " + t.datasetId() + "]")
                        .append('\n'));
      }
    }
    return b.toString().strip();
  }
}
