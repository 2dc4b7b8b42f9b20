package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@code client_id}: the Entra app's own id, a URL (a client ID metadata document), or
 * an id this façade issued at registration, which is the sealed registration itself: registering
 * stores nothing, and every instance recognises every client.
 */
@ApplicationScoped
public class Clients {
  private static final String REGISTERED_PREFIX = "mcp-client.";

  private final OAuthSettings settings;
  private final MetadataDocuments documents;

  @Inject
  public Clients(OAuthSettings settings, MetadataDocuments documents) {
    this.settings = settings;
    this.documents = documents;
  }

  /** For CDI's proxy. */
  protected Clients() {
    this(null, null);
  }

  /** The client, or why it is unknown (a sentence for the error page or response). */
  Result resolve(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      return Result.refused("client_id is missing.");
    }
    if (clientId.equals(settings.auth().clientId())) {
      return Result.of(new Client(clientId, "this server's Entra app", Client.Kind.APP, List.of()));
    }
    if (clientId.startsWith("https://")) {
      return documents.client(clientId);
    }
    if (clientId.startsWith(REGISTERED_PREFIX)) {
      Optional<JsonObject> sealed =
          settings.sealer().open("client", clientId.substring(REGISTERED_PREFIX.length()));
      if (sealed.isPresent()) {
        JsonObject o = sealed.get();
        return Result.of(
            new Client(
                clientId,
                o.getString("name", "an unnamed client"),
                Client.Kind.REGISTERED,
                o.getJsonArray("redirect_uris").getValuesAs(JsonString::getString)));
      }
    }
    return Result.refused(
        "The client_id is not known here: register the client again (its registration may come"
            + " from another server or an old key).");
  }

  /** Registers a public client: its id is its own sealed record. */
  String register(String name, List<String> redirectUris) {
    JsonArrayBuilder uris = Jsonp.createArrayBuilder();
    redirectUris.forEach(uris::add);
    return REGISTERED_PREFIX
        + settings
            .sealer()
            .seal(
                "client",
                Jsonp.createObjectBuilder().add("name", name).add("redirect_uris", uris),
                0);
  }

  /** A resolved client, or the reason there is none. */
  record Result(Client client, String refusal) {
    static Result of(Client c) {
      return new Result(c, null);
    }

    static Result refused(String why) {
      return new Result(null, why);
    }

    boolean ok() {
      return client != null;
    }
  }
}
