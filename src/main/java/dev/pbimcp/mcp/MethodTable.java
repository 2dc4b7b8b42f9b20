package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.registry.LogLevel;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.ServerInfo;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every MCP method this server serves, one row each: the revisions that have it, its handler, how a
 * 2026-07-28 client may cache its answer and whether it may ask the client something. Both eras
 * dispatch through it and the capabilities both announce are read off it, so a method and its
 * capability cannot drift apart. A new method is one row.
 */
@Unproxied
public class MethodTable {
  /** How long a 2026-07-28 client may keep a list or a read. */
  static final long LIST_TTL_MS = 60_000;

  /** Who may keep an answer (2026-07-28 {@code cacheScope}); NONE for answers not to be kept. */
  enum Cache {
    NONE,
    PUBLIC,
    PRIVATE
  }

  @FunctionalInterface
  interface Handler {
    JsonObject handle(JsonObject params, Exchange exchange) throws Exception;
  }

  /**
   * One method: served in legacy sessions from {@code since} on (null: never), and in 2026-07-28
   * ({@code modern}).
   */
  record Method(
      String name, String since, boolean modern, Cache cache, boolean mayAsk, Handler handler) {
    boolean servedIn(String version) {
      if (ProtocolVersions.MODERN.equals(version)) {
        return modern;
      }
      return since != null && ProtocolVersions.atLeast(version, since);
    }
  }

  private static final String FIRST = "2024-11-05";

  private final Map<String, Method> methods = new LinkedHashMap<>();
  private final Registry registry;
  private final ServerInfo info;
  private final LogLevels logLevels;

  @Inject
  public MethodTable(
      ToolMethods tools,
      ResourceMethods resources,
      PromptMethods prompts,
      CompletionMethods completions,
      LogLevels logLevels,
      Registry registry,
      ServerInfo info) {
    this.registry = registry;
    this.info = info;
    this.logLevels = logLevels;
    row("initialize", FIRST, false, Cache.NONE, false, (p, x) -> alreadyInitialized());
    row("ping", FIRST, false, Cache.NONE, false, (p, x) -> JsonValue.EMPTY_JSON_OBJECT);
    row("logging/setLevel", FIRST, false, Cache.NONE, false, (p, x) -> setLevel(p, x.session()));
    row("server/discover", null, true, Cache.NONE, false, (p, x) -> discover());
    row("tools/list", FIRST, true, Cache.PUBLIC, false, (p, x) -> tools.list(p));
    row("tools/call", FIRST, true, Cache.NONE, true, tools::call);
    row("resources/list", FIRST, true, Cache.PUBLIC, false, (p, x) -> resources.list(p));
    row(
        "resources/templates/list",
        FIRST,
        true,
        Cache.PUBLIC,
        false,
        (p, x) -> resources.templates(p));
    row("resources/read", FIRST, true, Cache.PRIVATE, true, (p, x) -> resources.read(p));
    row(
        "resources/subscribe",
        FIRST,
        false,
        Cache.NONE,
        false,
        (p, x) -> resources.subscribe(p, x.session()));
    row(
        "resources/unsubscribe",
        FIRST,
        false,
        Cache.NONE,
        false,
        (p, x) -> resources.unsubscribe(p, x.session()));
    row("prompts/list", FIRST, true, Cache.PUBLIC, false, (p, x) -> prompts.list(p));
    row("prompts/get", FIRST, true, Cache.NONE, true, prompts::get);
    row(
        "completion/complete",
        "2025-03-26",
        true,
        Cache.NONE,
        false,
        (p, x) -> completions.complete(p));
  }

  /** The method by this name if revision {@code version} has it; else a "method not found". */
  Method find(String name, String version) {
    Method m = methods.get(name);
    if (m != null && m.servedIn(version)) {
      return m;
    }
    if (ProtocolVersions.MODERN.equals(version)) {
      throw new McpError(
          JsonRpc.METHOD_NOT_FOUND,
          "Method not found in protocol version " + ProtocolVersions.MODERN + ": " + name);
    }
    throw new McpError(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + name);
  }

  /** What the server offers a client of this revision, as {@code initialize} and discovery say. */
  JsonObject capabilities(String version) {
    JsonObjectBuilder caps = Jsonp.createObjectBuilder();
    if (serves("tools/list", version)) {
      caps.add("tools", Jsonp.createObjectBuilder().add("listChanged", true));
    }
    if (serves("logging/setLevel", version)) {
      caps.add("logging", JsonValue.EMPTY_JSON_OBJECT);
    }
    if (registry.hasResources() && serves("resources/list", version)) {
      // 2026-07-28 subscribes through subscriptions/listen, earlier ones by resources/subscribe.
      caps.add(
          "resources", Jsonp.createObjectBuilder().add("subscribe", true).add("listChanged", true));
    }
    if (registry.hasPrompts() && serves("prompts/list", version)) {
      caps.add("prompts", Jsonp.createObjectBuilder().add("listChanged", true));
    }
    if (serves("completion/complete", version)) {
      caps.add("completions", JsonValue.EMPTY_JSON_OBJECT);
    }
    return caps.build();
  }

  /** {@code serverInfo} as both eras announce it. */
  JsonObject serverInfo() {
    return Jsonp.createObjectBuilder()
        .add("name", ServerInfo.NAME)
        .add("title", ServerInfo.TITLE)
        .add("version", info.version())
        .build();
  }

  /** Whether the named method may put a question to the client (false for an unknown one). */
  boolean mayAsk(String name) {
    Method m = methods.get(name);
    return m != null && m.mayAsk();
  }

  private boolean serves(String name, String version) {
    Method m = methods.get(name);
    return m != null && m.servedIn(version);
  }

  private void row(
      String name, String since, boolean modern, Cache cache, boolean mayAsk, Handler handler) {
    methods.put(name, new Method(name, since, modern, cache, mayAsk, handler));
  }

  private static JsonObject alreadyInitialized() {
    throw new McpError(JsonRpc.INVALID_REQUEST, "This session is already initialized.");
  }

  private JsonObject setLevel(JsonObject params, Session session) {
    LogLevel level =
        LogLevel.parse(params.getString("level", ""))
            .orElseThrow(
                () ->
                    McpError.invalidParams(
                        "params.level must be one of debug, info, notice, warning, error,"
                            + " critical, alert, emergency."));
    logLevels.set(session, level);
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private JsonObject discover() {
    var versions = Jsonp.createArrayBuilder();
    ProtocolVersions.ALL.forEach(versions::add);
    JsonObject server = serverInfo();
    return Jsonp.createObjectBuilder()
        .add("supportedVersions", versions)
        .add("capabilities", capabilities(ProtocolVersions.MODERN))
        .add("serverInfo", server)
        .add("instructions", McpEngine.INSTRUCTIONS)
        .add("_meta", Jsonp.createObjectBuilder().add("io.modelcontextprotocol/serverInfo", server))
        .build();
  }
}
