package dev.pbimcp.mcp;

import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests this instance sent to clients (sampling, elicitation, roots) that await an answer. The
 * answer arrives as a separate POST, which must reach this instance: the only state that binds a
 * client to one instance, and only for the seconds a round trip lasts.
 */
@ApplicationScoped
public class ClientRequests {
  private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final Duration limit;

  @Inject
  public ClientRequests(McpConfig config) {
    this.limit = config == null ? Duration.ofSeconds(120) : config.clientRequestTimeout();
  }

  /** For CDI's proxy. */
  protected ClientRequests() {
    this(null);
  }

  /**
   * How long to wait for the client's answer: what the tool asks for, never longer than
   * PBIMCP_CLIENT_REQUEST_TIMEOUT_SECONDS, so no question can hold a worker longer than the
   * operator allows.
   */
  public Duration bound(Duration asked) {
    return asked == null || asked.compareTo(limit) > 0 ? limit : asked;
  }

  /** Registers a new outgoing request and returns its id. */
  public Pending open() {
    String id = "srv-" + UUID.randomUUID();
    var future = new CompletableFuture<JsonObject>();
    pending.put(id, future);
    return new Pending(Jsonp.createValue(id), future);
  }

  public void close(Pending p) {
    pending.remove(((JsonString) p.id()).getString());
  }

  /** Routes a client's response to the waiting call; false when nobody here waits for it. */
  public boolean complete(JsonObject response) {
    JsonValue id = response.get("id");
    if (!(id instanceof JsonString s)) {
      return false;
    }
    CompletableFuture<JsonObject> f = pending.remove(s.getString());
    return f != null && f.complete(response);
  }

  /** An outgoing request: its id and the future its response completes. */
  public record Pending(JsonValue id, CompletableFuture<JsonObject> response) {}
}
