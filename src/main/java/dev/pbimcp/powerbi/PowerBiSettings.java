package dev.pbimcp.powerbi;

import dev.pbimcp.auth.AzureApp;
import dev.pbimcp.cdi.Unproxied;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which Power BI the server talks to. With no Azure settings it is the built-in emulator, so the
 * server works out of the box; with AZURE_TENANT_ID and AZURE_CLIENT_ID it is the real service.
 */
@Unproxied
public class PowerBiSettings {
  /** The Power BI REST API a tenant uses. */
  public static final String SERVICE_URL = "https://api.powerbi.com/v1.0/myorg";

  /** Where the answers come from. */
  public enum Backend {
    EMULATOR,
    POWER_BI
  }

  private final Optional<String> tenantId;
  private final Optional<String> clientId;

  @Inject
  public PowerBiSettings(
      @ConfigProperty(name = "AZURE_TENANT_ID") Optional<String> tenantId,
      @ConfigProperty(name = "AZURE_CLIENT_ID") Optional<String> clientId) {
    this.tenantId = tenantId.filter(s -> !s.isBlank());
    this.clientId = clientId.filter(s -> !s.isBlank());
  }

  /** The defaults, for {@link GatewaySettings}' own no-argument constructor. */
  protected PowerBiSettings() {
    this(Optional.empty(), Optional.empty());
  }

  public Backend backend() {
    return AzureApp.configured(tenantId, clientId) ? Backend.POWER_BI : Backend.EMULATOR;
  }

  public Optional<String> tenantId() {
    return tenantId;
  }

  public Optional<String> clientId() {
    return clientId;
  }
}
