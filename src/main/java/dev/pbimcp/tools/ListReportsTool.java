package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.List;

/** {@code list_powerbi_reports}. */
@Unproxied
@Toolset("content")
public class ListReportsTool extends PowerBiTool<ListReportsTool.Input, ListReportsTool.Output> {

  /** Arguments. */
  public record Input(@Param(value = "Workspace id.", required = true) String workspaceId) {}

  /** A report. */
  public record ReportInfo(
      @Param(value = "Report id.", required = true) String id,
      @Param(value = "Report name.", required = true) String name,
      @Param("PowerBIReport or PaginatedReport.") String reportType,
      @Param("The semantic model it shows; absent for paginated reports.") String datasetId,
      @Param("Link to open it.") String webUrl,
      @Param("Description.") String description) {}

  /** The reports. */
  public record Output(
      @Param(value = "Reports in the workspace.", required = true) List<ReportInfo> reports) {}

  private final PowerBiGateway gateway;

  @Inject
  public ListReportsTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "list_powerbi_reports",
        "List reports",
        "Lists the reports of a workspace with the semantic model each one shows (dataset_id), so a"
            + " question about a report can be answered by querying its model.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    return answer(
        new Output(
            gateway.reports(guid(in.workspaceId(), "workspace_id")).stream()
                .map(
                    r ->
                        new ReportInfo(
                            r.id(),
                            r.name(),
                            r.reportType(),
                            r.datasetId(),
                            r.webUrl(),
                            r.description()))
                .toList()));
  }

  @Override
  protected String render(Output o) {
    return o.reports().isEmpty()
        ? "No reports in this workspace."
        : Tables.markdown(
            List.of("name", "id", "type", "dataset_id"),
            o.reports().stream()
                .map(
                    r ->
                        List.of(
                            r.name(),
                            r.id(),
                            r.reportType(),
                            r.datasetId() == null ? "" : r.datasetId()))
                .toList());
  }
}
