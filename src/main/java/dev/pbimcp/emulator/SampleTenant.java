package dev.pbimcp.emulator;

import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.project.ProjectLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The emulated tenant: workspaces with semantic models, reports, dashboards and refresh history.
 */
final class SampleTenant {
  /** A workspace ("group" in the REST API). */
  record Workspace(String id, String name, String type, boolean onDedicatedCapacity) {}

  /** A semantic model ("dataset"); {@code rls} marks models that require an effective identity. */
  record Dataset(
      String id,
      String workspaceId,
      String name,
      String configuredBy,
      boolean rls,
      String storageMode,
      Instant created,
      String description,
      LazyEngine engines) {
    Engine engine() {
      return engines.get();
    }
  }

  /**
   * A model's engine, built on the model's first query. Listing workspaces and models never needs a
   * model's rows, and building the Sales model (120,000 generated rows) under a server's first
   * calls made so much short-lived garbage that the collector grew the heap for good. A build that
   * fails is tried again by the next query.
   */
  static final class LazyEngine {
    private Supplier<Model> model;
    private volatile Engine engine;

    LazyEngine(Supplier<Model> model) {
      this.model = model;
    }

    boolean built() {
      return engine != null;
    }

    Engine get() {
      Engine e = engine;
      if (e == null) {
        synchronized (this) {
          if (engine == null) {
            engine = Engine.of(model.get());
            model = null; // what it was built from is the engine's now
          }
          e = engine;
        }
      }
      return e;
    }
  }

  /** A report; paginated reports have no dataset. */
  record Report(
      String id,
      String workspaceId,
      String name,
      String datasetId,
      String type,
      String description) {}

  /** A dashboard and its tiles. */
  record Dashboard(String id, String workspaceId, String name, List<Tile> tiles) {}

  /** A dashboard tile. */
  record Tile(String id, String title, String reportId, String datasetId) {}

  /** One refresh of a model. */
  record Refresh(
      String requestId,
      String refreshType,
      Instant start,
      Instant end,
      String status,
      String serviceExceptionJson) {}

  static final String APP_URL = "https://app.powerbi.com";

  final List<Workspace> workspaces = new ArrayList<>();
  final List<Dataset> datasets = new ArrayList<>();
  final List<Report> reports = new ArrayList<>();
  final List<Dashboard> dashboards = new ArrayList<>();

  /** The models PBIMCP_EMULATOR_MODELS names, loaded or not, in the order it names them. */
  final List<ProjectLoader.Loaded> localModels;

  /**
   * The sample workspaces (unless {@code samples} is false) and a workspace named {@code
   * localWorkspace} with each local model that loaded.
   */
  SampleTenant(
      int salesRows,
      boolean samples,
      List<ProjectLoader.Loaded> localModels,
      String localWorkspace) {
    this.localModels = List.copyOf(localModels);
    if (samples) {
      samples(salesRows);
    }
    if (!localModels.isEmpty()) {
      Workspace local = workspace(localWorkspace, false);
      for (ProjectLoader.Loaded m : localModels) {
        if (m.ok()) {
          dataset(
              "dataset:local:" + m.source(),
              local,
              m.name(),
              !m.model().roles().isEmpty(),
              "Your own model, loaded from " + m.source() + ".",
              m::model);
        }
      }
    }
  }

  private void samples(int salesRows) {
    Workspace sales = workspace("Sales Analytics", true);
    Workspace finance = workspace("Finance", false);
    Workspace hr = workspace("HR", false);
    workspace("Marketing Sandbox", false);

    Dataset salesModel =
        dataset(
            sales,
            "Sales",
            false,
            "Orders, products, customers and stores, 2023–2024.",
            () -> SampleModels.sales(salesRows));
    Dataset gl =
        dataset(
            finance,
            "Finance GL",
            false,
            "General ledger by account and month.",
            SampleModels::finance);
    Dataset headcount =
        dataset(
            hr,
            "HR Headcount",
            true,
            "Employees by department (row-level security).",
            SampleModels::hr);

    Report overview =
        report(
            sales,
            "Sales Overview",
            salesModel.id(),
            "PowerBIReport",
            "Revenue and orders at a glance.");
    report(sales, "Product Performance", salesModel.id(), "PowerBIReport", "Which products sell.");
    report(finance, "Profit and Loss", gl.id(), "PowerBIReport", null);
    report(finance, "Invoice", null, "PaginatedReport", "Printable invoice.");
    report(hr, "Headcount", headcount.id(), "PowerBIReport", null);
    dashboards.add(
        new Dashboard(
            id("dashboard:Sales KPIs"),
            sales.id(),
            "Sales KPIs",
            List.of(
                new Tile(id("tile:revenue"), "Revenue", overview.id(), salesModel.id()),
                new Tile(id("tile:orders"), "Orders", overview.id(), salesModel.id()),
                new Tile(id("tile:note"), "Read me", null, null))));
  }

  Optional<Workspace> workspace(String id) {
    return workspaces.stream().filter(w -> w.id().equalsIgnoreCase(id)).findFirst();
  }

  Optional<Dataset> dataset(String workspaceId, String datasetId) {
    return datasets.stream()
        .filter(
            d ->
                d.workspaceId().equalsIgnoreCase(workspaceId) && d.id().equalsIgnoreCase(datasetId))
        .findFirst();
  }

  /** Ten refreshes, newest first: scheduled ones, an on-demand one, and one failure. */
  List<Refresh> refreshes(Dataset d) {
    List<Refresh> list = new ArrayList<>();
    Instant base = Instant.parse("2024-12-31T06:00:00Z");
    for (int i = 0; i < 10; i++) {
      Instant start = base.minusSeconds(86_400L * i);
      boolean failed = i == 3;
      list.add(
          new Refresh(
              id("refresh:" + d.id() + ":" + i),
              i == 1 ? "OnDemand" : "Scheduled",
              start,
              start.plusSeconds(95 + 7L * i),
              failed ? "Failed" : "Completed",
              failed
                  ? "{\"errorCode\":\"ModelRefresh_ShortMessage_ProcessingError\","
                      + "\"errorDescription\":\"The credentials provided for the SQL source are invalid.\"}"
                  : null));
    }
    return list;
  }

  private Workspace workspace(String name, boolean dedicated) {
    Workspace w = new Workspace(id("workspace:" + name), name, "Workspace", dedicated);
    workspaces.add(w);
    return w;
  }

  private Dataset dataset(
      Workspace w, String name, boolean rls, String description, Supplier<Model> model) {
    return dataset("dataset:" + name, w, name, rls, description, model);
  }

  private Dataset dataset(
      String seed,
      Workspace w,
      String name,
      boolean rls,
      String description,
      Supplier<Model> model) {
    Dataset d =
        new Dataset(
            id(seed),
            w.id(),
            name,
            "analyst@contoso.com",
            rls,
            "Import",
            Instant.parse("2024-03-01T09:30:00Z"),
            description,
            new LazyEngine(model));
    datasets.add(d);
    return d;
  }

  private Report report(
      Workspace w, String name, String datasetId, String type, String description) {
    Report r = new Report(id("report:" + name), w.id(), name, datasetId, type, description);
    reports.add(r);
    return r;
  }

  static String id(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
