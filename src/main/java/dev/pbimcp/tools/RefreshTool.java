package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * {@code refresh_powerbi_dataset}: starts a refresh, the one write the server offers. Hidden while
 * read-only mode is on (the default); asks the user to confirm when the client supports
 * elicitation.
 */
@Unproxied
@Toolset("refresh")
public class RefreshTool extends PowerBiTool<RefreshTool.Input, RefreshTool.Output> {
  /** How Power BI tells the model's owner about the refresh. */
  public enum NotifyOption {
    NoNotification,
    MailOnFailure,
    MailOnCompletion
  }

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param(value = "Semantic model (dataset) id.", required = true) String datasetId,
      @Param("Email the owner: NoNotification (default), MailOnFailure or MailOnCompletion.")
          NotifyOption notifyOption) {}

  /** The outcome. */
  public record Output(
      @Param(value = "True when Power BI accepted the refresh.", required = true) boolean started,
      @Param("Power BI's id for the refresh request; follow it with get_powerbi_refresh_history.")
          String requestId,
      @Param("Why nothing was started, if so.") String reason) {}

  private final PowerBiGateway gateway;

  @Inject
  public RefreshTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "refresh_powerbi_dataset",
        "Refresh a semantic model",
        "Starts a data refresh of a semantic model in the Power BI service. It reloads data from the"
            + " sources and counts against the capacity's refresh limit (8 a day on shared"
            + " capacity). Only when the user asks for fresher data; check get_powerbi_refresh_history"
            + " first.",
        ToolAnnotations.write(false, false, true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) throws InterruptedException {
    String ws = guid(in.workspaceId(), "workspace_id");
    String ds = guid(in.datasetId(), "dataset_id");
    if (context.clientSupports("elicitation") && !confirmed(context, ds)) {
      return answer(new Output(false, null, "The user did not confirm the refresh."));
    }
    NotifyOption notify =
        in.notifyOption() == null ? NotifyOption.NoNotification : in.notifyOption();
    return answer(new Output(true, gateway.refresh(ws, ds, notify.name()), null));
  }

  private static boolean confirmed(ToolContext context, String datasetId)
      throws InterruptedException {
    JsonObject schema =
        Jsonp.createObjectBuilder()
            .add("type", "object")
            .add(
                "properties",
                Jsonp.createObjectBuilder()
                    .add(
                        "confirm",
                        Jsonp.createObjectBuilder()
                            .add("type", "boolean")
                            .add("title", "Refresh now")
                            .add("description", "Reload the model's data from its sources now.")))
            .add("required", Jsonp.createArrayBuilder().add("confirm"))
            .build();
    JsonObject answer =
        context.askClient(
            "elicitation/create",
            Jsonp.createObjectBuilder()
                .add(
                    "message",
                    "Refresh Power BI semantic model "
                        + datasetId
                        + " now? It counts against the daily refresh limit.")
                .add("requestedSchema", schema)
                .build(),
            Duration.ofMinutes(2));
    return "accept".equals(answer.getString("action", ""))
        && answer.getJsonObject("content") != null
        && answer.getJsonObject("content").getBoolean("confirm", false);
  }

  @Override
  protected String render(Output o) {
    return o.started()
        ? "Refresh started (request "
            + o.requestId()
            + "). Check progress with get_powerbi_refresh_history."
        : "No refresh started: " + o.reason();
  }
}
