package dev.pbimcp.powerbi;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The subset of the Power BI REST API ({@code …/v1.0/myorg}) the gateway uses, as an MP Rest
 * Client.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface PowerBiApi {
  String AUTH = "Authorization";

  @GET
  @Path("groups")
  JsonObject groups(
      @QueryParam("$filter") String filter,
      @QueryParam("$top") Integer top,
      @QueryParam("$skip") Integer skip,
      @HeaderParam(AUTH) String auth);

  /** The built-in emulator's own path (the service has none): its local models' load status. */
  @GET
  @Path("localModels")
  JsonObject localModels(@HeaderParam(AUTH) String auth);

  @GET
  @Path("groups/{group}/datasets")
  JsonObject datasets(@PathParam("group") String group, @HeaderParam(AUTH) String auth);

  @GET
  @Path("groups/{group}/reports")
  JsonObject reports(@PathParam("group") String group, @HeaderParam(AUTH) String auth);

  @GET
  @Path("groups/{group}/dashboards")
  JsonObject dashboards(@PathParam("group") String group, @HeaderParam(AUTH) String auth);

  @GET
  @Path("groups/{group}/dashboards/{dashboard}/tiles")
  JsonObject tiles(
      @PathParam("group") String group,
      @PathParam("dashboard") String dashboard,
      @HeaderParam(AUTH) String auth);

  @GET
  @Path("groups/{group}/datasets/{dataset}/refreshes")
  JsonObject refreshes(
      @PathParam("group") String group,
      @PathParam("dataset") String dataset,
      @QueryParam("$top") Integer top,
      @HeaderParam(AUTH) String auth);

  @POST
  @Path("groups/{group}/datasets/{dataset}/refreshes")
  @Consumes(MediaType.APPLICATION_JSON)
  Response refresh(
      @PathParam("group") String group,
      @PathParam("dataset") String dataset,
      JsonObject body,
      @HeaderParam(AUTH) String auth);

  /** Streamed: large answers are parsed as they arrive, never held whole. */
  @POST
  @Path("groups/{group}/datasets/{dataset}/executeQueries")
  @Consumes(MediaType.APPLICATION_JSON)
  InputStream executeQueries(
      @PathParam("group") String group,
      @PathParam("dataset") String dataset,
      JsonObject body,
      @HeaderParam(AUTH) String auth);
}
