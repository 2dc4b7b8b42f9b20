package dev.pbimcp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault campaign's table: for each Power BI failure kind, what a run of tool calls met (how the
 * calls ended, how many requests reached Power BI, when the circuit opened, how long until service
 * came back). The tests that run the kinds assert the rules; this prints what they saw.
 */
final class FaultCampaign {
  private static final List<String> ROWS = new CopyOnWriteArrayList<>();

  private FaultCampaign() {}

  /** One failure kind's run of calls. */
  static final class Run {
    private final String kind;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int calls;
    private int openedAt;
    private long millis;

    Run(String kind) {
      this.kind = kind;
    }

    /** Calls the tool once; returns its error text, or "" when it answered. */
    String call(McpHttp client, String tool, JsonObject arguments) throws Exception {
      long start = System.nanoTime();
      JsonObject r = client.callTool(tool, arguments);
      millis += (System.nanoTime() - start) / 1_000_000;
      calls++;
      String text = r.getBoolean("isError", false) ? McpHttp.toolError(r) : "";
      String outcome = outcome(text);
      if (outcome.startsWith("paused") && openedAt == 0) {
        openedAt = calls;
      }
      outcomes.merge(outcome, 1, Integer::sum);
      return text;
    }

    String call(McpHttp client) throws Exception {
      return call(client, "list_powerbi_workspaces", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Ends the run: the requests Power BI (the emulator's faults) answered, and the recovery. */
    void end(int attempts, long recoverMillis) {
      ROWS.add(
          String.format(
              "| %s | %d | %s | %s | %d | %s | %s |",
              kind,
              calls,
              outcomes.toString().replaceAll("[{}]", ""),
              attempts < 0 ? "—" : Integer.toString(attempts),
              calls == 0 ? 0 : millis / calls,
              openedAt == 0 ? "stayed closed" : "closed → open at call " + openedAt,
              recoverMillis < 0 ? "—" : recoverMillis + " ms"));
    }
  }

  /** How a call ended, in the words of its error. */
  static String outcome(String error) {
    if (error.isEmpty()) {
      return "answered";
    }
    if (error.contains("paused calls")) {
      return "paused (circuit open)";
    }
    if (error.contains("throttling")) {
      return "throttled";
    }
    if (error.contains("did not answer within")) {
      return "timed out";
    }
    if (error.contains("temporary problem")) {
      return "server error";
    }
    if (error.contains("could not be reached")) {
      return "unreachable";
    }
    if (error.contains("could not be read")) {
      return "unreadable answer";
    }
    if (error.contains("DAX") || error.contains("query")) {
      return "query error";
    }
    return "other error";
  }

  /** The requests the emulator's faults answered so far, from its own count. */
  static int attempts(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/emulator/faults"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    int taken = 0;
    for (JsonValue f : Json.createReader(new StringReader(r.body())).readArray()) {
      taken += f.asJsonObject().getInt("taken");
    }
    return taken;
  }

  static void print(String title) {
    System.out.println("fault campaign: " + title);
    System.out.println(
        "| kind | calls | outcomes | requests to Power BI | ms per call | breaker | back to"
            + " service |");
    System.out.println("|---|---|---|---|---|---|---|");
    ROWS.forEach(System.out::println);
    ROWS.clear();
  }
}
