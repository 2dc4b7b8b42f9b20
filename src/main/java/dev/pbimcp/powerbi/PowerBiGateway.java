package dev.pbimcp.powerbi;

import dev.pbimcp.json.Jsonp;
import dev.pbimcp.powerbi.Payloads.Dashboard;
import dev.pbimcp.powerbi.Payloads.Refresh;
import dev.pbimcp.powerbi.Payloads.Report;
import dev.pbimcp.powerbi.Payloads.SemanticModel;
import dev.pbimcp.powerbi.Payloads.Tile;
import dev.pbimcp.powerbi.Payloads.Workspace;
import dev.pbimcp.telemetry.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The only way tools reach Power BI: typed calls over the REST API (or the emulator, over HTTP),
 * with the workspace allow-list enforced here, throttling and transient failures retried within
 * bounds, and every failure turned into a {@link PowerBiException} a user can act on.
 */
@ApplicationScoped
public class PowerBiGateway {
  private final GatewaySettings settings;
  private final PowerBiTokens tokens;
  private final WorkspacePolicy policy;
  private final CircuitBreakerGuard breaker;
  private final Telemetry telemetry;
  private PowerBiApi api;

  @Inject
  public PowerBiGateway(
      GatewaySettings settings,
      PowerBiTokens tokens,
      WorkspacePolicy policy,
      CircuitBreakerGuard breaker,
      Telemetry telemetry) {
    this.settings = settings;
    this.tokens = tokens;
    this.policy = policy;
    this.breaker = breaker;
    this.telemetry = telemetry;
  }

  /** For CDI's proxy. */
  protected PowerBiGateway() {
    this(null, null, null, null, null);
  }

  @PostConstruct
  void connect() {
    telemetry.gauge(
        "pbimcp.powerbi.circuit.state",
        "The Power BI circuit breaker: 0 closed, 1 open (calls fail at once), 2 half-open.",
        breaker::state);
    api =
        RestClientBuilder.newBuilder()
            .baseUri(settings.baseUri())
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(settings.timeoutSeconds(), TimeUnit.SECONDS)
            .register(PowerBiErrorMapper.class)
            .build(PowerBiApi.class);
  }

  /** Workspaces visible to the caller (and allowed here), optionally filtered by name. */
  public List<Workspace> workspaces(String nameContains, int top, int skip) {
    String filter =
        nameContains == null || nameContains.isBlank()
            ? null
            : "contains(name,'" + nameContains.replace("'", "''") + "')";
    JsonObject page = call(() -> api.groups(filter, top, skip, bearer()));
    return Payloads.values(page, Workspace::from).stream().filter(policy::allows).toList();
  }

  /**
   * Asks for one workspace with these tokens instead of the caller's: the connection doctor's check
   * of the app itself. Throws what any call would.
   */
  void probeWith(PowerBiTokens with) {
    call(() -> api.groups(null, 1, 0, "Bearer " + with.accessToken()));
  }

  /**
   * The models the built-in emulator loads from Power BI Projects, loaded or failed; empty when
   * this server talks to the Power BI service, which has no such models.
   */
  public List<Payloads.LocalModel> localModels() {
    if (!settings.emulated()) {
      return List.of();
    }
    return Payloads.values(call(() -> api.localModels(bearer())), Payloads.LocalModel::from);
  }

  public List<SemanticModel> models(String workspaceId) {
    policy.check(workspaceId, this);
    return Payloads.values(
        call(() -> api.datasets(workspaceId, bearer())), o -> SemanticModel.from(o, workspaceId));
  }

  public List<Report> reports(String workspaceId) {
    policy.check(workspaceId, this);
    return Payloads.values(call(() -> api.reports(workspaceId, bearer())), Report::from);
  }

  public List<Dashboard> dashboards(String workspaceId) {
    policy.check(workspaceId, this);
    return Payloads.values(call(() -> api.dashboards(workspaceId, bearer())), Dashboard::from);
  }

  public List<Tile> tiles(String workspaceId, String dashboardId) {
    policy.check(workspaceId, this);
    return Payloads.values(call(() -> api.tiles(workspaceId, dashboardId, bearer())), Tile::from);
  }

  public List<Refresh> refreshes(String workspaceId, String datasetId, int top) {
    policy.check(workspaceId, this);
    return Payloads.values(
        call(() -> api.refreshes(workspaceId, datasetId, top, bearer())), Refresh::from);
  }

  /**
   * Starts a refresh of a semantic model (a write). Returns Power BI's request id for it. Only
   * {@code notifyOption} is sent: any other field would make it an enhanced (Premium) refresh.
   */
  public String refresh(String workspaceId, String datasetId, String notifyOption) {
    policy.check(workspaceId, this);
    JsonObject body = Jsonp.createObjectBuilder().add("notifyOption", notifyOption).build();
    return call(
        () -> {
          try (var response = api.refresh(workspaceId, datasetId, body, bearer())) {
            String id = response.getHeaderString("RequestId");
            return id == null ? "" : id;
          }
        });
  }

  /**
   * Runs one DAX query. The answer is parsed as it streams in; at most {@code previewRows} rows are
   * kept as values, and every row as CSV when {@code keepCsv}.
   */
  public QueryResult query(
      String workspaceId,
      String datasetId,
      String dax,
      int previewRows,
      boolean keepCsv,
      String impersonatedUser) {
    return query(
        workspaceId,
        datasetId,
        dax,
        new QueryWindow(0, previewRows, keepCsv ? Long.MAX_VALUE : 0),
        impersonatedUser);
  }

  /** One DAX query; of its answer, what {@code window} asks for (every row is still counted). */
  public QueryResult query(
      String workspaceId,
      String datasetId,
      String dax,
      QueryWindow window,
      String impersonatedUser) {
    policy.check(workspaceId, this);
    var body =
        Jsonp.createObjectBuilder()
            .add(
                "queries",
                Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder().add("query", dax)))
            .add("serializerSettings", Jsonp.createObjectBuilder().add("includeNulls", true));
    if (impersonatedUser != null && !impersonatedUser.isBlank()) {
      body.add("impersonatedUserName", impersonatedUser);
    }
    JsonObject request = body.build();
    return call(
        () -> {
          try (InputStream in = api.executeQueries(workspaceId, datasetId, request, bearer())) {
            return QueryStreamReader.read(in, window);
          } catch (IOException e) {
            throw new ProcessingException(e);
          }
        });
  }

  private String bearer() {
    return "Bearer " + tokens.accessToken();
  }

  /** Runs a call, waiting out short throttling and retrying transient failures a few times. */
  private <T> T call(Supplier<T> op) {
    int attempt = 0;
    while (true) {
      try {
        return breaker.call(() -> attempt(op));
      } catch (CircuitBreakerGuard.OpenException e) {
        throw new PowerBiException(
            PowerBiException.Kind.UNAVAILABLE,
            "Power BI has failed repeatedly, so the server has paused calls to it to let it recover."
                + " Try again in "
                + e.retryInSeconds()
                + " s; get_powerbi_status shows whether it answers.");
      } catch (PowerBiException e) {
        boolean again = retryable(e, attempt);
        long wait = again ? waitBefore(e, attempt) : 0;
        if (e.kind() == PowerBiException.Kind.THROTTLED) {
          telemetry.throttled(wait);
        }
        if (!again) {
          throw e;
        }
        sleep(wait);
      }
      attempt++;
    }
  }

  /** One try; transport failures become exceptions the breaker and the retry loop understand. */
  private <T> T attempt(Supplier<T> op) {
    long start = System.nanoTime();
    String outcome = "200";
    try {
      return op.get();
    } catch (ProcessingException e) {
      PowerBiException p = transport(e);
      outcome = outcome(p);
      throw p;
    } catch (PowerBiException e) {
      outcome = outcome(e);
      throw e;
    } finally {
      telemetry.powerBiCall(outcome, System.nanoTime() - start);
    }
  }

  /** Power BI's HTTP status, or what happened instead of an answer (timeout, unavailable, …). */
  private static String outcome(PowerBiException e) {
    return e.status() > 0 ? Integer.toString(e.status()) : e.kind().name().toLowerCase(Locale.ROOT);
  }

  private boolean retryable(PowerBiException e, int attempt) {
    if (attempt >= settings.maxRetries()) {
      return false;
    }
    if (e.kind() == PowerBiException.Kind.THROTTLED) {
      return e.retryAfterSeconds().orElse(1) <= settings.maxRetryAfterSeconds();
    }
    // A timeout already cost a whole read timeout: it counts toward the breaker, but waiting
    // for it again would only multiply the wait.
    return e.kind().outage() && e.kind() != PowerBiException.Kind.TIMEOUT;
  }

  private static long waitBefore(PowerBiException e, int attempt) {
    if (e.kind() == PowerBiException.Kind.THROTTLED) {
      return e.retryAfterSeconds().orElse(1) * 1000L;
    }
    return 200L << attempt; // 200 ms, 400 ms, 800 ms …
  }

  private PowerBiException transport(ProcessingException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause instanceof PowerBiException p) {
        return p;
      }
    }
    if (cause instanceof SocketTimeoutException
        || cause instanceof java.net.http.HttpTimeoutException
        || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
      return new PowerBiException(
          PowerBiException.Kind.TIMEOUT,
          "Power BI did not answer within "
              + settings.timeoutSeconds()
              + " s. Try a smaller query or try again later.");
    }
    if (cause instanceof java.io.IOException) {
      return new PowerBiException(
          PowerBiException.Kind.UNAVAILABLE,
          "Power BI could not be reached: "
              + TransportFailures.describe(cause)
              + ". Try again in a minute.");
    }
    // The connection held, so Power BI (or a proxy in its place) answered, with something else
    // than the JSON it documents: cut off, an HTML page, another media type.
    return new PowerBiException(
        PowerBiException.Kind.MALFORMED,
        "Power BI's answer could not be read: it was cut off or was not the JSON Power BI"
            + " documents (a proxy in between may have answered instead). Try again in a minute.");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PowerBiException.cancelled();
    }
  }
}
