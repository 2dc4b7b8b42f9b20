package dev.pbimcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pbimcp.emulator.project.ProjectLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Local models beside the sample tenant, or instead of it (PBIMCP_EMULATOR_SAMPLES=false); each
 * model built on its first query.
 */
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
  void aModelIsBuiltOnItsFirstQuery() {
    SampleTenant t = new SampleTenant(1_000, true, List.of(), "Local models");
    assertEquals(List.of(false, false, false), built(t), "listing needs no model");
    SampleTenant.Dataset sales =
        t.datasets.stream().filter(d -> d.name().equals("Sales")).findFirst().orElseThrow();
    List<Object[]> rows =
        sales.engine().run("EVALUATE ROW(\"n\", COUNTROWS(Sales))", "a@contoso.com").get(0).rows();
    assertEquals(1_000L, ((Number) rows.get(0)[0]).longValue());
    assertEquals(List.of(true, false, false), built(t), "only the model queried");
  }

  @Test
  void aBuildThatFailedIsTriedAgain() {
    AtomicInteger calls = new AtomicInteger();
    SampleTenant.LazyEngine lazy =
        new SampleTenant.LazyEngine(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first build fails");
              }
              return SampleModels.hr();
            });
    assertThrows(IllegalStateException.class, lazy::get);
    assertFalse(lazy.built());
    assertSame(lazy.get(), lazy.get());
    assertEquals(2, calls.get(), "built once after the failure, then kept");
  }

  private static List<Boolean> built(SampleTenant t) {
    return t.datasets.stream().map(d -> d.engines().built()).toList();
  }

  @Test
  void noLocalModelsNoWorkspace() {
    assertEquals(4, workspaces(new SampleTenant(1_000, true, List.of(), "Local models")).size());
  }
}
