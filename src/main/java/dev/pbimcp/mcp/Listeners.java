package dev.pbimcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open {@code subscriptions/listen} streams (2026-07-28) on this instance, each with the
 * notifications its client asked for. A list change is announced to every matching stream, each
 * notification tagged with the stream's subscription id.
 */
@ApplicationScoped
public class Listeners {
  private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  private record Listener(JsonObject filter, Outbound sink) {}

  private final Map<String, Listener> open = new ConcurrentHashMap<>();

  /** Registers a stream and sends its acknowledgement; returns the subscription id. */
  public String listen(JsonObject params, Outbound sink) {
    JsonObject filter =
        params.get("notifications") instanceof JsonObject n ? n : JsonObject.EMPTY_JSON_OBJECT;
    String id = UUID.randomUUID().toString();
    open.put(id, new Listener(filter, sink));
    sink.send(
        JsonRpc.notification(
            "notifications/subscriptions/acknowledged",
            Json.createObjectBuilder()
                .add("notifications", filter)
                .add("_meta", Json.createObjectBuilder().add(SUBSCRIPTION_ID, id))
                .build()));
    return id;
  }

  public void close(String id) {
    open.remove(id);
  }

  /** Announces that the tools, prompts or resources list changed. */
  public void listChanged(String list) {
    String flag = list + "ListChanged";
    open.forEach(
        (id, l) -> {
          if (l.filter().getBoolean(flag, false)) {
            l.sink()
                .send(
                    JsonRpc.notification(
                        "notifications/" + list + "/list_changed",
                        Json.createObjectBuilder()
                            .add("_meta", Json.createObjectBuilder().add(SUBSCRIPTION_ID, id))
                            .build()));
          }
        });
  }
}
