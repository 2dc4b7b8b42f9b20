package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running tool may ask of the protocol: report progress, log to the client, ask the client
 * something (elicitation, sampling), notice cancellation. Implemented by the protocol engine.
 */
public interface ToolContext {

  /** Sends {@code notifications/progress} when the caller asked for progress; otherwise nothing. */
  void progress(double progress, Double total, String message);

  /** Sends {@code notifications/message} when {@code level} passes the client's log level. */
  void log(LogLevel level, String logger, String message);

  /**
   * Whether the client declared a capability ({@code sampling}, {@code elicitation}, {@code
   * roots}).
   */
  boolean clientSupports(String capability);

  /**
   * Sends a request to the client and waits for its answer.
   *
   * @throws ToolException when the client cannot be asked, refuses, or does not answer in time
   */
  JsonObject askClient(String method, JsonObject params, Duration timeout)
      throws InterruptedException;

  /**
   * Asks the client several things at once, each under a key that names its answer: in the
   * 2026-07-28 era they travel together in one {@code input_required} result. The default asks one
   * after another.
   */
  default Map<String, JsonObject> askClient(Map<String, ClientAsk> asks, Duration timeout)
      throws InterruptedException {
    Map<String, JsonObject> answers = new LinkedHashMap<>();
    for (var e : asks.entrySet()) {
      answers.put(e.getKey(), askClient(e.getValue().method(), e.getValue().params(), timeout));
    }
    return answers;
  }

  /** One question for the client: a method such as {@code elicitation/create} and its params. */
  record ClientAsk(String method, JsonObject params) {}

  /** True once the client cancelled this call; long work should check it and stop. */
  boolean isCancelled();

  /** The protocol revision the call came in (what content the client understands). */
  default String protocolVersion() {
    return "2025-11-25";
  }

  /**
   * Ends the HTTP response stream now while the call goes on; the client reconnects and receives
   * the rest (SSE polling). A no-op where the transport cannot resume.
   */
  void closeResponseStream();
}
