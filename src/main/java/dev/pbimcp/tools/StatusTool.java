package dev.pbimcp.tools;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.powerbi.PowerBiSettings;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ServerInfo;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolPolicy;
import dev.pbimcp.registry.Toolset;
import dev.pbimcp.registry.TypedTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** {@code get_powerbi_status}: what this server is and which Power BI it talks to. */
@ApplicationScoped
@Toolset("status")
public class StatusTool extends TypedTool<StatusTool.Input, StatusTool.Status> {

  /** No arguments. */
  public record Input() {}

  /** The server's state. */
  public record Status(
      @Param(value = "Version of the pbimcp server.", required = true) String serverVersion,
      @Param(value = "How callers sign in: none (local only) or entra.", required = true)
          String authMode,
      @Param(
              value =
                  "Where Power BI answers come from: emulator (built-in sample data) or powerbi.",
              required = true)
          String backend,
      @Param(value = "True when tools that change Power BI are hidden.", required = true)
          boolean readOnly,
      @Param(value = "Seconds since the server started.", required = true) long uptimeSeconds) {}

  private final ServerInfo info;
  private final AuthSettings auth;
  private final PowerBiSettings powerBi;
  private final ToolPolicy policy;

  @Inject
  public StatusTool(
      ServerInfo info, AuthSettings auth, PowerBiSettings powerBi, ToolPolicy policy) {
    super(
        Input.class,
        Status.class,
        "get_powerbi_status",
        "Power BI server status",
        "Reports this Power BI MCP server's version, how users sign in, whether it answers from"
            + " the real Power BI service or the built-in emulator with sample data, and whether"
            + " it is read-only. Call it first when a Power BI question fails or to check the"
            + " connection.",
        ToolAnnotations.readOnly(false));
    this.info = info;
    this.auth = auth;
    this.powerBi = powerBi;
    this.policy = policy;
  }

  /** For CDI's proxy. */
  protected StatusTool() {
    this(null, null, null, null);
  }

  @Override
  protected Status execute(Input input, ToolContext context) {
    return new Status(
        info.version(),
        auth.mode().name().toLowerCase(Locale.ROOT),
        powerBi.backend() == PowerBiSettings.Backend.EMULATOR ? "emulator" : "powerbi",
        policy.readOnly(),
        info.uptime().toSeconds());
  }

  @Override
  protected String render(Status s) {
    return "pbimcp "
        + s.serverVersion()
        + " | sign-in: "
        + s.authMode()
        + " | Power BI backend: "
        + s.backend()
        + (s.readOnly() ? " | read-only" : " | writes enabled")
        + " | up "
        + s.uptimeSeconds()
        + " s";
  }
}
