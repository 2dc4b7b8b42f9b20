package dev.pbimcp.powerbi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the gateway reaches Power BI: where, how patiently, and which workspaces it may touch. */
@ApplicationScoped
public class GatewaySettings {
  private final URI baseUri;
  private final int timeoutSeconds;
  private final int maxRetries;
  private final int maxRetryAfterSeconds;
  private final List<String> allowedWorkspaces;
  private final boolean emulated;

  @Inject
  public GatewaySettings(
      PowerBiSettings powerBi,
      @ConfigProperty(name = "pbimcp.powerbi.base-url") Optional<String> baseUrl,
      @ConfigProperty(name = "http.port", defaultValue = "9080") int port,
      @ConfigProperty(name = "pbimcp.powerbi.timeout-seconds", defaultValue = "60")
          int timeoutSeconds,
      @ConfigProperty(name = "pbimcp.powerbi.max-retries", defaultValue = "3") int maxRetries,
      @ConfigProperty(name = "pbimcp.powerbi.max-retry-after-seconds", defaultValue = "10")
          int maxRetryAfterSeconds,
      @ConfigProperty(name = "pbimcp.workspaces", defaultValue = " ") String workspaces) {
    String emulator = "http://127.0.0.1:" + port + "/emulator/v1.0/myorg";
    String base =
        baseUrl
            .filter(s -> !s.isBlank())
            .orElse(
                powerBi.backend() == PowerBiSettings.Backend.EMULATOR
                    ? emulator
                    : PowerBiSettings.SERVICE_URL);
    this.emulated = powerBi.backend() == PowerBiSettings.Backend.EMULATOR;
    this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
    this.timeoutSeconds = Math.max(1, timeoutSeconds);
    this.maxRetries = Math.max(0, maxRetries);
    this.maxRetryAfterSeconds = Math.max(0, maxRetryAfterSeconds);
    this.allowedWorkspaces =
        Arrays.stream(workspaces.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
  }

  /** For CDI's proxy. */
  protected GatewaySettings() {
    this(new PowerBiSettings(), Optional.empty(), 9080, 60, 3, 10, " ");
  }

  /** True when the gateway talks to the built-in emulator rather than the Power BI service. */
  public boolean emulated() {
    return emulated;
  }

  public URI baseUri() {
    return baseUri;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** A 429 asking to wait longer than this is reported to the user instead of waited out. */
  public int maxRetryAfterSeconds() {
    return maxRetryAfterSeconds;
  }

  /** Workspace ids or names (lower case) the server may use; empty means all. */
  public List<String> allowedWorkspaces() {
    return allowedWorkspaces;
  }
}
