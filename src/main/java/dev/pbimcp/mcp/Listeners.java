package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Open {@code subscriptions/listen} streams (2026-07-28) on this instance, each with what its
 * client asked for and this server accepted: list changes of tools, prompts and resources, and
 * updates of named resources. Every notification is tagged with the subscription id, which is the
 * listen request's id.
 */
@ApplicationScoped
public class Listeners {
  private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  private static final Set<String> LISTS = Set.of("tools", "prompts", "resources");
  private static final int MAX_RESOURCES = 1000;

  private record Listener(JsonValue id, Set<String> lists, Set<String> uris, Outbound sink) {}

  private final Map<String, Listener> open = new ConcurrentHashMap<>();

  /** Registers a stream and acknowledges what it will get; returns the key to close it with. */
  public String listen(JsonValue requestId, JsonObject params, Outbound sink) {
    JsonObject asked =
        params.get("notifications") instanceof JsonObject n ? n : JsonObject.EMPTY_JSON_OBJECT;
    Set<String> lists =
        LISTS.stream()
            .filter(l -> asked.getBoolean(l + "ListChanged", false))
            .collect(Collectors.toSet());
    Set<String> uris =
        asked.get("resourceSubscriptions") instanceof JsonArray a
            ? a.stream()
                .filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).getString())
                .limit(MAX_RESOURCES)
                .collect(Collectors.toSet())
            : Set.of();
    String key = UUID.randomUUID().toString();
    open.put(key, new Listener(requestId, lists, uris, sink));
    JsonObjectBuilder accepted = Jsonp.createObjectBuilder();
    lists.forEach(l -> accepted.add(l + "ListChanged", true));
    if (!uris.isEmpty()) {
      accepted.add("resourceSubscriptions", Jsonp.createArrayBuilder(uris));
    }
    sink.send(
        JsonRpc.notification(
            "notifications/subscriptions/acknowledged",
            Jsonp.createObjectBuilder()
                .add("notifications", accepted)
                .add("_meta", tag(requestId))
                .build()));
    return key;
  }

  public void close(String key) {
    open.remove(key);
  }

  /** Announces that the tools, prompts or resources list changed. */
  public void listChanged(String list) {
    open.values().stream()
        .filter(l -> l.lists().contains(list))
        .forEach(
            l ->
                l.sink()
                    .send(
                        JsonRpc.notification(
                            "notifications/" + list + "/list_changed",
                            Jsonp.createObjectBuilder().add("_meta", tag(l.id())).build())));
  }

  /** Announces that a resource changed to the streams subscribed to it. */
  public void resourceUpdated(String uri) {
    open.values().stream()
        .filter(l -> l.uris().contains(uri))
        .forEach(
            l ->
                l.sink()
                    .send(
                        JsonRpc.notification(
                            "notifications/resources/updated",
                            Jsonp.createObjectBuilder()
                                .add("uri", uri)
                                .add("_meta", tag(l.id()))
                                .build())));
  }

  private static JsonObjectBuilder tag(JsonValue id) {
    return Jsonp.createObjectBuilder().add(SUBSCRIPTION_ID, id);
  }
}
