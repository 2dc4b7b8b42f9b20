package dev.pbimcp.tools;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.ops.Check;
import dev.pbimcp.ops.ConnectionDoctor;
import dev.pbimcp.ops.Recent;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.powerbi.PowerBiSettings;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ServerInfo;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolPolicy;
import dev.pbimcp.registry.Toolset;
import dev.pbimcp.registry.TypedTool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code get_powerbi_status}: what this server is and which Power BI it talks to. */
@Unproxied
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
      @Param(value = "Seconds since the server started.", required = true) long uptimeSeconds,
      @Param(value = "True when Power BI answered a test call just now.", required = true)
          boolean powerBiReachable,
      @Param("What Power BI said when it did not answer, and what to do.") String powerBiProblem,
      @Param(
              value =
                  "The connection doctor's verdict (pass, warn or fail) and the checks that do not"
                      + " pass; an administrator sees each fix on the server's setup page.",
              required = true)
          String doctor,
      @Param(
              "The models of your own Power BI Projects the built-in emulator was told to load"
                  + " (PBIMCP_EMULATOR_MODELS): each loaded, or failed with the reason.")
          List<LocalModel> localModels,
      @Param(
              "The connection doctor's checks that do not pass, each with what it found and its"
                  + " fix: for a user holding the server's admin app role (PBIMCP_ADMIN_ROLE), or"
                  + " on a server without sign-in.")
          List<DoctorCheck> doctorChecks) {}

  /** One check of the connection doctor. */
  public record DoctorCheck(
      @Param(value = "The check's id.", required = true) String id,
      @Param(value = "What it checks.", required = true) String title,
      @Param(value = "pass, warn, fail or skip.", required = true) String verdict,
      @Param("What it found.") String detail,
      @Param("What to change, in one sentence.") String fix) {}

  /** A model of a Power BI Project the emulator loads. */
  public record LocalModel(
      @Param(value = "The semantic model's name.", required = true) String name,
      @Param(value = "loaded or failed.", required = true) String status,
      @Param(value = "The project folder and format it was read from.", required = true)
          String source,
      @Param("Why it failed: the file, the line and what was expected.") String error,
      @Param("What the emulator read but does not serve, with file and line.")
          List<String> leftOut) {}

  private final ServerInfo info;
  private final AuthSettings auth;
  private final PowerBiSettings powerBi;
  private final ToolPolicy policy;
  private final PowerBiGateway gateway;
  private final ConnectionDoctor connectionDoctor;
  private final Recent<Probe> probe;
  private final String adminRole;
  private final AtomicReference<Verdict> lastVerdict = new AtomicReference<>();

  @Inject
  public StatusTool(
      ServerInfo info,
      AuthSettings auth,
      PowerBiSettings powerBi,
      ToolPolicy policy,
      PowerBiGateway gateway,
      ConnectionDoctor connectionDoctor,
      @ConfigProperty(name = "pbimcp.status.check-seconds", defaultValue = "30") int checkSeconds,
      @ConfigProperty(name = "pbimcp.admin-role", defaultValue = "PowerBiMcp.Admin")
          String adminRole) {
    super(
        Input.class,
        Status.class,
        "get_powerbi_status",
        "Power BI server status",
        "Reports this Power BI MCP server's version, how users sign in, whether it answers from"
            + " the real Power BI service or the built-in emulator with sample data, and whether"
            + " it is read-only, and whether Power BI answers right now. Call it first when a Power BI"
            + " question fails or to check the connection.",
        ToolAnnotations.readOnly(false));
    this.info = info;
    this.auth = auth;
    this.powerBi = powerBi;
    this.policy = policy;
    this.gateway = gateway;
    this.connectionDoctor = connectionDoctor;
    this.probe = new Recent<>(Duration.ofSeconds(checkSeconds), this::askPowerBi);
    this.adminRole = adminRole;
  }

  @Override
  protected Status execute(Input input, ToolContext context) {
    Probe p = probe.get();
    String problem = p.problem();
    Verdict doctor = doctor();
    return new Status(
        info.version(),
        auth.mode().name().toLowerCase(Locale.ROOT),
        powerBi.backend() == PowerBiSettings.Backend.EMULATOR ? "emulator" : "powerbi",
        policy.readOnly(),
        info.uptime().toSeconds(),
        problem == null,
        problem,
        doctor.line(),
        p.localModels().isEmpty() ? null : p.localModels(),
        mayReadDoctor() ? doctor.checks() : null);
  }

  /** An administrator (the app role), or the local user of a server without sign-in. */
  private boolean mayReadDoctor() {
    if (auth.mode() == AuthSettings.Mode.NONE) {
      return true;
    }
    return CallerContext.current().map(c -> c.hasRole(adminRole)).orElse(false);
  }

  /**
   * The doctor's verdict in a line (which checks do not pass, never what they found) and, for those
   * who may read them, the checks that do not pass; made once per run of the doctor.
   */
  private Verdict doctor() {
    ConnectionDoctor.Report report = connectionDoctor.report();
    Verdict last = lastVerdict.get();
    if (last != null && last.report() == report) {
      return last;
    }
    List<Check> notPassing =
        report.checks().stream()
            .filter(c -> c.verdict() == Check.Verdict.FAIL || c.verdict() == Check.Verdict.WARN)
            .toList();
    String verdict = Check.worst(report.checks()).name().toLowerCase(Locale.ROOT);
    String line =
        notPassing.isEmpty()
            ? verdict
            : verdict + ": " + String.join(", ", notPassing.stream().map(Check::title).toList());
    List<DoctorCheck> checks =
        notPassing.stream()
            .map(
                c ->
                    new DoctorCheck(
                        c.id(),
                        c.title(),
                        c.verdict().name().toLowerCase(Locale.ROOT),
                        c.detail(),
                        c.fix()))
            .toList();
    Verdict v = new Verdict(report, line, checks.isEmpty() ? null : checks);
    lastVerdict.set(v);
    return v;
  }

  /** What one run of the doctor says here, kept until the next run. */
  private record Verdict(ConnectionDoctor.Report report, String line, List<DoctorCheck> checks) {}

  /** Asks Power BI for one workspace, at most once per check interval: status stays cheap. */
  private Probe askPowerBi() {
    String problem = null;
    List<LocalModel> local = List.of();
    try {
      gateway.workspaces(null, 1, 0);
      local =
          gateway.localModels().stream()
              .map(
                  m ->
                      new LocalModel(
                          m.name(),
                          m.loaded() ? "loaded" : "failed",
                          m.source(),
                          m.error(),
                          m.leftOut().isEmpty() ? null : m.leftOut()))
              .toList();
    } catch (PowerBiException e) {
      problem = e.getMessage();
    }
    return new Probe(problem, local);
  }

  private record Probe(String problem, List<LocalModel> localModels) {}

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
        + " s | Power BI "
        + (s.powerBiReachable() ? "answers" : "does not answer: " + s.powerBiProblem())
        + " | connection doctor: "
        + s.doctor()
        + (s.localModels() == null
            ? ""
            : s.localModels().stream()
                .map(
                    m ->
                        " | model "
                            + m.name()
                            + ": "
                            + m.status()
                            + (m.error() == null ? "" : " (" + m.error() + ")"))
                .collect(java.util.stream.Collectors.joining()));
  }
}
