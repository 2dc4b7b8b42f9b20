package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.List;

/** {@code get_powerbi_refresh_history}. */
@Unproxied
@Toolset("refresh")
public class RefreshHistoryTool
    extends PowerBiTool<RefreshHistoryTool.Input, RefreshHistoryTool.Output> {

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param(value = "Semantic model (dataset) id.", required = true) String datasetId,
      @Param(value = "How many refreshes, newest first (default 10).", min = 1, max = 60)
          Integer top) {}

  /** One refresh. */
  public record RefreshInfo(
      @Param("Scheduled, OnDemand, ViaApi, ViaXmlaEndpoint, ViaEnhancedApi or OnDemandTraining.")
          String refreshType,
      @Param("Completed, Failed, Disabled, or Unknown while it runs.") String status,
      @Param("When it started.") String startTime,
      @Param("When it ended.") String endTime,
      @Param("Power BI's error details for a failed refresh.") String error) {}

  /** The history. */
  public record Output(
      @Param(value = "Refreshes, newest first.", required = true) List<RefreshInfo> refreshes) {}

  private final PowerBiGateway gateway;

  @Inject
  public RefreshHistoryTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "get_powerbi_refresh_history",
        "Refresh history",
        "Shows when a semantic model was last refreshed and whether refreshes failed (with Power BI's"
            + " error), to judge how fresh its data is.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    int top = in.top() == null ? 10 : in.top();
    return answer(
        new Output(
            gateway
                .refreshes(
                    guid(in.workspaceId(), "workspace_id"), guid(in.datasetId(), "dataset_id"), top)
                .stream()
                .map(
                    r ->
                        new RefreshInfo(
                            r.refreshType(),
                            r.status(),
                            r.startTime(),
                            r.endTime(),
                            r.serviceExceptionJson()))
                .toList()));
  }

  @Override
  protected String render(Output o) {
    return o.refreshes().isEmpty()
        ? "This model has no refresh history."
        : Tables.markdown(
            List.of("started", "ended", "type", "status", "error"),
            o.refreshes().stream()
                .map(
                    r ->
                        List.of(
                            r.startTime(),
                            String.valueOf(r.endTime()),
                            r.refreshType(),
                            r.status(),
                            r.error() == null ? "" : r.error()))
                .toList());
  }
}
