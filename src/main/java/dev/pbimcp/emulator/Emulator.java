package dev.pbimcp.emulator;

import dev.pbimcp.powerbi.PowerBiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulated tenant, built once on first use, and whether the emulator answers at all. */
@ApplicationScoped
public class Emulator {
  private final boolean enabled;
  private final int salesRows;
  private volatile SampleTenant tenant;

  @Inject
  public Emulator(
      PowerBiSettings powerBi,
      @ConfigProperty(name = "pbimcp.emulator.sales-rows", defaultValue = "120000") int salesRows,
      @ConfigProperty(name = "pbimcp.emulator.enabled") Optional<Boolean> enabled) {
    this.enabled = enabled.orElse(powerBi.backend() == PowerBiSettings.Backend.EMULATOR);
    this.salesRows = salesRows;
  }

  /** For CDI's proxy. */
  protected Emulator() {
    this.enabled = false;
    this.salesRows = 0;
  }

  /**
   * The emulator serves only while the server uses it (no Azure tenant configured), unless
   * PBIMCP_EMULATOR_ENABLED says otherwise (tests of Entra sign-in against the emulator).
   */
  public boolean enabled() {
    return enabled;
  }

  SampleTenant tenant() {
    SampleTenant t = tenant;
    if (t == null) {
      synchronized (this) {
        if (tenant == null) {
          tenant = new SampleTenant(salesRows);
        }
        t = tenant;
      }
    }
    return t;
  }
}
