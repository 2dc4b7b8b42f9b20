package dev.pbimcp.emulator;

import dev.pbimcp.emulator.project.Problem;
import dev.pbimcp.emulator.project.ProjectLoader;
import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET …/localModels}, the emulator's own addition to the API (the service has no such path):
 * each model {@code PBIMCP_EMULATOR_MODELS} names, loaded or failed with the reason, and what the
 * emulator left out of it. The status tool shows it.
 */
@Path("emulator/v1.0/myorg/localModels")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LocalModelsResource {
  private final Emulator emulator;

  @Inject
  public LocalModelsResource(Emulator emulator) {
    this.emulator = emulator;
  }

  /** For RESTEasy and CDI. */
  public LocalModelsResource() {
    this(null);
  }

  @GET
  public JsonObject list() {
    JsonArrayBuilder value = Jsonp.createArrayBuilder();
    for (ProjectLoader.Loaded m : emulator.tenant().localModels) {
      JsonArrayBuilder notes = Jsonp.createArrayBuilder();
      m.problems().stream().map(Problem::toString).forEach(notes::add);
      JsonObjectBuilder o =
          Jsonp.createObjectBuilder()
              .add("name", m.name())
              .add("source", m.source())
              .add("status", m.ok() ? "Loaded" : "Failed")
              .add("leftOut", notes);
      if (m.error() != null) {
        o.add("error", m.error());
      }
      value.add(o);
    }
    return Jsonp.createObjectBuilder().add("value", value).build();
  }
}
