package dev.pbimcp.emulator;

import dev.pbimcp.emulator.project.ProjectLoader;
import dev.pbimcp.powerbi.PowerBiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulated tenant, built once on first use, and whether the emulator answers at all. */
@ApplicationScoped
public class Emulator {
  private static final Logger LOG = Logger.getLogger(Emulator.class.getName());
  private final boolean enabled;
  private final int salesRows;
  private final boolean samples;
  private final List<String> models;
  private final String modelsWorkspace;
  private volatile SampleTenant tenant;

  @Inject
  public Emulator(
      PowerBiSettings powerBi,
      @ConfigProperty(name = "pbimcp.emulator.sales-rows", defaultValue = "120000") int salesRows,
      @ConfigProperty(name = "pbimcp.emulator.enabled") Optional<Boolean> enabled,
      @ConfigProperty(name = "pbimcp.emulator.samples", defaultValue = "true") boolean samples,
      @ConfigProperty(name = "pbimcp.emulator.models") Optional<List<String>> models,
      @ConfigProperty(name = "pbimcp.emulator.models-workspace", defaultValue = "Local models")
          String modelsWorkspace) {
    this.enabled = enabled.orElse(powerBi.backend() == PowerBiSettings.Backend.EMULATOR);
    this.salesRows = salesRows;
    this.samples = samples;
    this.models =
        models.orElse(List.of()).stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    this.modelsWorkspace = modelsWorkspace;
  }

  /** For CDI's proxy. */
  protected Emulator() {
    this.enabled = false;
    this.salesRows = 0;
    this.samples = false;
    this.models = List.of();
    this.modelsWorkspace = null;
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
          tenant = new SampleTenant(salesRows, samples, loadModels(), modelsWorkspace);
        }
        t = tenant;
      }
    }
    return t;
  }

  /** Each configured project's models, each logged as loaded (with what was left out) or not. */
  private List<ProjectLoader.Loaded> loadModels() {
    List<ProjectLoader.Loaded> all = new ArrayList<>();
    for (String folder : models) {
      for (ProjectLoader.Loaded m : ProjectLoader.load(Path.of(folder))) {
        if (m.ok()) {
          LOG.info(
              "Loaded the model "
                  + m.name()
                  + " from "
                  + m.source()
                  + (m.problems().isEmpty() ? "." : "; left out: " + m.problems()));
        } else {
          LOG.warning("The model " + m.name() + " did not load: " + m.error());
        }
        all.add(m);
      }
    }
    return all;
  }
}
