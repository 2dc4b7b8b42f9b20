package dev.pbimcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pbimcp.emulator.project.ProjectLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local models beside the sample tenant, or instead of it (PBIMCP_EMULATOR_SAMPLES=false). */
class SampleTenantTest {
  private static final List<ProjectLoader.Loaded> EXAMPLE =
      ProjectLoader.load(Path.of("examples/CoffeeShop"));

  private static List<String> workspaces(SampleTenant t) {
    return t.workspaces.stream().map(SampleTenant.Workspace::name).toList();
  }

  @Test
  void besideTheSamples() {
    SampleTenant t = new SampleTenant(1_000, true, EXAMPLE, "Local models");
    assertEquals(
        List.of("Sales Analytics", "Finance", "HR", "Marketing Sandbox", "Local models"),
        workspaces(t));
    assertEquals(4, t.datasets.size());
  }

  @Test
  void insteadOfTheSamples() {
    SampleTenant t = new SampleTenant(1_000, false, EXAMPLE, "My models");
    assertEquals(List.of("My models"), workspaces(t));
    assertEquals(
        List.of("CoffeeShop"), t.datasets.stream().map(SampleTenant.Dataset::name).toList());
    assertEquals(true, t.datasets.get(0).rls(), "a model with roles requires an identity");
  }

  @Test
  void noLocalModelsNoWorkspace() {
    assertEquals(4, workspaces(new SampleTenant(1_000, true, List.of(), "Local models")).size());
  }
}
