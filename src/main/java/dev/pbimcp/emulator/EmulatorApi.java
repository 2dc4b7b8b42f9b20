package dev.pbimcp.emulator;

import dev.pbimcp.emulator.SampleTenant.Dashboard;
import dev.pbimcp.emulator.SampleTenant.Dataset;
import dev.pbimcp.emulator.SampleTenant.Workspace;
import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read endpoints of the Power BI REST API ("in group" variants), with the service's shapes. */
@Path("emulator/v1.0/myorg")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EmulatorApi {
  private static final Pattern FILTER =
      Pattern.compile(
          "\\s*(contains|startswith)\\(\\s*(?:tolower\\()?name\\)?\\s*,\\s*'((?:[^']|'')*)'\\s*\\)\\s*|\\s*name\\s+eq\\s+'((?:[^']|'')*)'\\s*");

  private final Emulator emulator;

  @Inject
  public EmulatorApi(Emulator emulator) {
    this.emulator = emulator;
  }

  /** For RESTEasy and CDI. */
  public EmulatorApi() {
    this(null);
  }

  @GET
  @Path("groups")
  public Response groups(
      @QueryParam("$filter") String filter,
      @QueryParam("$top") Integer top,
      @QueryParam("$skip") Integer skip) {
    List<Workspace> all = emulator.tenant().workspaces;
    if (filter != null && !filter.isBlank()) {
      Matcher m = FILTER.matcher(filter);
      if (!m.matches()) {
        return PowerBiErrors.badRequest("Invalid OData $filter: " + filter);
      }
      String value =
          (m.group(2) != null ? m.group(2) : m.group(3)).replace("''", "'").toLowerCase();
      String op = m.group(1) == null ? "eq" : m.group(1);
      all =
          all.stream()
              .filter(
                  w -> {
                    String name = w.name().toLowerCase();
                    return switch (op) {
                      case "contains" -> name.contains(value);
                      case "startswith" -> name.startsWith(value);
                      default -> name.equals(value);
                    };
                  })
              .toList();
    }
    int from = skip == null ? 0 : Math.max(0, skip);
    int count = top == null ? 5000 : Math.max(0, Math.min(top, 5000));
    List<Workspace> page = all.stream().skip(from).limit(count).toList();
    return ok(
        "groups",
        page,
        w -> {
          JsonObjectBuilder b =
              Jsonp.createObjectBuilder()
                  .add("id", w.id())
                  .add("isReadOnly", false)
                  .add("isOnDedicatedCapacity", w.onDedicatedCapacity())
                  .add("type", w.type())
                  .add("name", w.name());
          if (w.onDedicatedCapacity()) {
            b.add("capacityId", SampleTenant.id("capacity:P1"));
          }
          return b;
        });
  }

  @GET
  @Path("groups/{group}/datasets")
  public Response datasets(@PathParam("group") String group) {
    return inWorkspace(
        group,
        w ->
            ok(
                "datasets",
                emulator.tenant().datasets.stream()
                    .filter(d -> d.workspaceId().equals(w.id()))
                    .toList(),
                d ->
                    Jsonp.createObjectBuilder()
                        .add("id", d.id())
                        .add("name", d.name())
                        .add(
                            "webUrl",
                            SampleTenant.APP_URL + "/groups/" + w.id() + "/datasets/" + d.id())
                        .add("addRowsAPIEnabled", false)
                        .add("configuredBy", d.configuredBy())
                        .add("isRefreshable", true)
                        .add("isEffectiveIdentityRequired", d.rls())
                        .add("isEffectiveIdentityRolesRequired", d.rls())
                        .add("isOnPremGatewayRequired", false)
                        .add("targetStorageMode", d.storageMode())
                        .add("createdDate", d.created().toString())
                        .add("description", d.description())));
  }

  @GET
  @Path("groups/{group}/reports")
  public Response reports(@PathParam("group") String group) {
    return inWorkspace(
        group,
        w ->
            ok(
                "reports",
                emulator.tenant().reports.stream()
                    .filter(r -> r.workspaceId().equals(w.id()))
                    .toList(),
                r -> {
                  JsonObjectBuilder b =
                      Jsonp.createObjectBuilder()
                          .add("id", r.id())
                          .add("reportType", r.type())
                          .add("name", r.name())
                          .add(
                              "webUrl",
                              SampleTenant.APP_URL
                                  + "/groups/"
                                  + w.id()
                                  + "/"
                                  + (r.type().equals("PaginatedReport")
                                      ? "rdlreports/"
                                      : "reports/")
                                  + r.id())
                          .add(
                              "embedUrl",
                              SampleTenant.APP_URL
                                  + "/reportEmbed?reportId="
                                  + r.id()
                                  + "&groupId="
                                  + w.id());
                  if (r.datasetId() != null) {
                    b.add("datasetId", r.datasetId()).add("datasetWorkspaceId", w.id());
                  }
                  if (r.description() != null) {
                    b.add("description", r.description());
                  }
                  return b;
                }));
  }

  @GET
  @Path("groups/{group}/dashboards")
  public Response dashboards(@PathParam("group") String group) {
    return inWorkspace(
        group,
        w ->
            ok(
                "dashboards",
                dashboardsOf(w),
                d ->
                    Jsonp.createObjectBuilder()
                        .add("id", d.id())
                        .add("displayName", d.name())
                        .add("isReadOnly", false)
                        .add(
                            "webUrl",
                            SampleTenant.APP_URL + "/groups/" + w.id() + "/dashboards/" + d.id())
                        .add(
                            "embedUrl",
                            SampleTenant.APP_URL
                                + "/dashboardEmbed?dashboardId="
                                + d.id()
                                + "&groupId="
                                + w.id())));
  }

  @GET
  @Path("groups/{group}/dashboards/{dashboard}/tiles")
  public Response tiles(
      @PathParam("group") String group, @PathParam("dashboard") String dashboard) {
    return inWorkspace(
        group,
        w ->
            dashboardsOf(w).stream()
                .filter(d -> d.id().equalsIgnoreCase(dashboard))
                .findFirst()
                .map(
                    d ->
                        ok(
                            "tiles",
                            d.tiles(),
                            t -> {
                              JsonObjectBuilder b =
                                  Jsonp.createObjectBuilder()
                                      .add("id", t.id())
                                      .add("title", t.title())
                                      .add("rowSpan", 2)
                                      .add("colSpan", 3)
                                      .add(
                                          "embedUrl",
                                          SampleTenant.APP_URL
                                              + "/embed?dashboardId="
                                              + d.id()
                                              + "&tileId="
                                              + t.id());
                              if (t.reportId() != null) {
                                b.add("reportId", t.reportId());
                              }
                              if (t.datasetId() != null) {
                                b.add("datasetId", t.datasetId());
                              }
                              return b;
                            }))
                .orElseGet(PowerBiErrors::notFound));
  }

  @GET
  @Path("groups/{group}/datasets/{dataset}/refreshes")
  public Response refreshes(
      @PathParam("group") String group,
      @PathParam("dataset") String dataset,
      @QueryParam("$top") Integer top) {
    Optional<Dataset> d = emulator.tenant().dataset(group, dataset);
    if (d.isEmpty()) {
      return PowerBiErrors.notFound();
    }
    var list =
        emulator.tenant().refreshes(d.get()).stream()
            .limit(top == null ? 60 : Math.max(0, top))
            .toList();
    return ok(
        "refreshes",
        list,
        r -> {
          JsonObjectBuilder b =
              Jsonp.createObjectBuilder()
                  .add("requestId", r.requestId())
                  .add("id", Math.abs(r.requestId().hashCode()))
                  .add("refreshType", r.refreshType())
                  .add("startTime", r.start().toString())
                  .add("endTime", r.end().toString())
                  .add("status", r.status());
          if (r.serviceExceptionJson() != null) {
            b.add("serviceExceptionJson", r.serviceExceptionJson());
          }
          return b;
        });
  }

  @POST
  @Path("groups/{group}/datasets/{dataset}/refreshes")
  public Response refresh(@PathParam("group") String group, @PathParam("dataset") String dataset) {
    if (emulator.tenant().dataset(group, dataset).isEmpty()) {
      return PowerBiErrors.notFound();
    }
    String id = UUID.randomUUID().toString();
    return Response.accepted()
        .header("RequestId", id)
        .header(
            "Location", "/v1.0/myorg/groups/" + group + "/datasets/" + dataset + "/refreshes/" + id)
        .build();
  }

  private List<Dashboard> dashboardsOf(Workspace w) {
    return emulator.tenant().dashboards.stream()
        .filter(d -> d.workspaceId().equals(w.id()))
        .toList();
  }

  private Response inWorkspace(String group, Function<Workspace, Response> body) {
    return emulator.tenant().workspace(group).map(body).orElseGet(PowerBiErrors::notFound);
  }

  private static <T> Response ok(
      String entitySet, List<T> items, Function<T, JsonObjectBuilder> toJson) {
    JsonArrayBuilder value = Jsonp.createArrayBuilder();
    items.forEach(i -> value.add(toJson.apply(i)));
    return Response.ok(
            Jsonp.createObjectBuilder()
                .add("@odata.context", "http://api.powerbi.com/v1.0/myorg/$metadata#" + entitySet)
                .add("value", value)
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
