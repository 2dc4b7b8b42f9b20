package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.Payloads.Report;
import dev.pbimcp.powerbi.Payloads.SemanticModel;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code resolve_powerbi_url}: a pasted Power BI link to the ids the other tools need. */
@Unproxied
@Toolset("models")
public class ResolveUrlTool extends PowerBiTool<ResolveUrlTool.Input, ResolveUrlTool.Output> {
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)/groups/([0-9a-f-]{36}|me)/(reports|rdlreports|datasets|modeling|dashboards)/([0-9a-f-]{36})");

  /** Arguments. */
  public record Input(
      @Param(
              value = "A link copied from the Power BI service (app.powerbi.com/groups/…).",
              required = true,
              maxLength = 2000)
          String url) {}

  /** What the link points at. */
  public record Output(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param("Workspace name.") String workspaceName,
      @Param(value = "report, paginated_report, semantic_model or dashboard.", required = true)
          String kind,
      @Param(value = "Id of the linked item.", required = true) String itemId,
      @Param("Name of the linked item.") String itemName,
      @Param("The semantic model to query for this item, when there is one.") String datasetId) {}

  private final PowerBiGateway gateway;

  @Inject
  public ResolveUrlTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "resolve_powerbi_url",
        "Resolve a Power BI link",
        "Turns a link the user pasted from app.powerbi.com (a report, semantic model or dashboard)"
            + " into its workspace id, item id and the semantic model behind it, ready for"
            + " get_powerbi_model_schema and execute_powerbi_query.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    Matcher m = LINK.matcher(in.url());
    if (!m.find()) {
      throw new ToolException(
          "That does not look like a Power BI link to a report, semantic model or dashboard; expected"
              + " …/groups/<workspace-id>/reports/<report-id> or similar.");
    }
    String ws = m.group(1);
    if (ws.equalsIgnoreCase("me")) {
      throw new ToolException(
          "The link points into 'My workspace', which the Power BI API does not expose to this server;"
              + " move the item to a shared workspace.");
    }
    String kindPath = m.group(2).toLowerCase(Locale.ROOT);
    String item = m.group(3).toLowerCase(Locale.ROOT);
    String wsName =
        gateway.workspaces(null, 5000, 0).stream()
            .filter(w -> w.id().equalsIgnoreCase(ws))
            .map(w -> w.name())
            .findFirst()
            .orElse(null);
    return answer(
        switch (kindPath) {
          case "reports", "rdlreports" -> report(ws, wsName, item);
          case "dashboards" ->
              gateway.dashboards(ws).stream()
                  .filter(d -> d.id().equalsIgnoreCase(item))
                  .findFirst()
                  .map(d -> new Output(ws, wsName, "dashboard", item, d.name(), null))
                  .orElseThrow(() -> notFound("dashboard"));
          default -> {
            SemanticModel model =
                gateway.models(ws).stream()
                    .filter(d -> d.id().equalsIgnoreCase(item))
                    .findFirst()
                    .orElseThrow(() -> notFound("semantic model"));
            yield new Output(ws, wsName, "semantic_model", item, model.name(), model.id());
          }
        });
  }

  private Output report(String ws, String wsName, String item) {
    Report r =
        gateway.reports(ws).stream()
            .filter(x -> x.id().equalsIgnoreCase(item))
            .findFirst()
            .orElseThrow(() -> notFound("report"));
    String kind = "PaginatedReport".equals(r.reportType()) ? "paginated_report" : "report";
    return new Output(ws, wsName, kind, item, r.name(), r.datasetId());
  }

  private static ToolException notFound(String what) {
    return new ToolException(
        "The "
            + what
            + " in that link was not found in its workspace, or you have no access to it.");
  }

  @Override
  protected String render(Output o) {
    return o.kind()
        + " '"
        + o.itemName()
        + "' ("
        + o.itemId()
        + ") in workspace '"
        + o.workspaceName()
        + "' ("
        + o.workspaceId()
        + ")"
        + (o.datasetId() == null ? "" : "; semantic model: " + o.datasetId());
  }
}
