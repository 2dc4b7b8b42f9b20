package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.JsonLength;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.Registry;
import dev.pbimcp.registry.SchemaValidator;
import dev.pbimcp.registry.ToolCallListener;
import dev.pbimcp.registry.ToolDefinition;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.ToolResult;
import dev.pbimcp.telemetry.RequestId;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tools/list} and {@code tools/call}. Input-validation failures and tool failures are tool
 * results with {@code isError}, so the model can read them and correct itself; only an unknown tool
 * or malformed params are protocol errors.
 */
@Unproxied
public class ToolMethods {
  private static final Logger LOG = Logger.getLogger(ToolMethods.class.getName());

  private final Registry registry;
  private final McpConfig config;
  private final Instance<ToolCallListener> found;
  private volatile List<ToolCallListener> listeners;

  @Inject
  public ToolMethods(Registry registry, McpConfig config, Instance<ToolCallListener> listeners) {
    this.registry = registry;
    this.config = config;
    this.found = listeners;
  }

  JsonObject list(JsonObject params) {
    return Paging.page(
        registry.tools(), params, config.pageSize(), "tools", ToolDefinition::toJson);
  }

  JsonObject call(JsonObject params, Exchange exchange) throws InterruptedException {
    long start = System.nanoTime();
    JsonObject result = null;
    try {
      result = invoke(params, exchange);
      return result;
    } finally {
      report(params, exchange, start, result);
    }
  }

  private void report(JsonObject params, Exchange exchange, long start, JsonObject result) {
    if (!(params.get("name") instanceof jakarta.json.JsonString name)) {
      return;
    }
    String outcome =
        result == null ? "failed" : result.getBoolean("isError", false) ? "tool_error" : "ok";
    JsonValue args = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
    var call =
        new ToolCallListener.ToolCall(
            name.getString(),
            exchange.session().clientName(),
            args instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT,
            Duration.ofNanos(System.nanoTime() - start),
            outcome,
            result);
    for (ToolCallListener l : listeners()) {
      try {
        l.called(call);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, RequestId.tag("A tool-call listener failed"), e);
      }
    }
  }

  /**
   * The listeners, looked up once: iterating the {@code Instance} resolves them again on every
   * call, which the transport benchmark's profile showed.
   */
  private List<ToolCallListener> listeners() {
    List<ToolCallListener> l = listeners;
    if (l == null) {
      l = found.stream().toList();
      listeners = l;
    }
    return l;
  }

  /**
   * The one place the result budget is enforced: a tool that shapes its answer keeps under it; any
   * answer still over it is replaced by an error saying how to ask for less, never cut silently or
   * passed on to break the client.
   */
  private JsonObject withinBudget(String tool, JsonObject result) {
    int budget = registry.resultBudget();
    if (JsonLength.atMost(result, budget)) {
      return result;
    }
    long size = JsonLength.of(result);
    LOG.warning(
        RequestId.tag(
            "Tool " + tool + " answered " + size + " characters, over the budget of " + budget));
    return ToolResult.error(
            "The answer of "
                + tool
                + " came to "
                + size
                + " characters, more than the "
                + budget
                + " this server returns in one tool result. Ask for less: filter or narrow the"
                + " request, or ask for fewer items or columns.")
        .toJson();
  }

  private JsonObject invoke(JsonObject params, Exchange exchange) throws InterruptedException {
    if (!(params.get("name") instanceof jakarta.json.JsonString nameValue)) {
      throw McpError.invalidParams("tools/call needs params.name, the tool to call.");
    }
    String name = nameValue.getString();
    McpTool tool =
        registry
            .tool(name)
            .orElseThrow(
                () -> McpError.invalidParams("Unknown tool: " + name + ". Call tools/list."));
    JsonValue args = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
    if (args.getValueType() == JsonValue.ValueType.NULL) {
      args = JsonValue.EMPTY_JSON_OBJECT;
    }
    List<String> problems = SchemaValidator.validate(tool.definition().inputSchema(), args);
    if (!problems.isEmpty()) {
      return ToolResult.error(
              "Invalid arguments for "
                  + name
                  + ": "
                  + String.join("; ", problems)
                  + ". Correct them and call again.")
          .toJson();
    }
    try {
      return withinBudget(name, tool.call(args.asJsonObject(), exchange).toJson());
    } catch (ToolException e) {
      return ToolResult.error(e.getMessage()).toJson();
    } catch (InterruptedException | InputRequired | McpError e) {
      // Cancellation, a 2026-07-28 round trip, or a protocol error: not the tool's failure.
      throw e;
    } catch (Exception e) {
      if (exchange.isCancelled()) {
        throw new InterruptedException("cancelled");
      }
      String reference = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, RequestId.tag("Tool " + name + " failed, reference " + reference), e);
      return ToolResult.error(
              "The tool "
                  + name
                  + " failed unexpectedly (reference "
                  + reference
                  + "). Try again; if it keeps failing, report the reference to the server's"
                  + " administrator.")
          .toJson();
    }
  }
}
