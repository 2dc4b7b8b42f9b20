package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}|REQUEST",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\",\"params\":{}}|REQUEST",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}|NOTIFICATION",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}|RESPONSE",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"x\"}}|RESPONSE",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}|INVALID",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}|INVALID",
        "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}|INVALID",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}|INVALID",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}|INVALID",
        "{\"id\":1,\"method\":\"ping\"}|INVALID",
        "[]|INVALID",
        // An id that is not Unicode text cannot be echoed exactly: refused, not answered as "?".
        "{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}|INVALID",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\\udc00b\",\"method\":\"ping\"}|INVALID",
        "{\"jsonrpc\":\"2.0\",\"id\":\"\\ud83d\\ude00\",\"method\":\"ping\"}|REQUEST",
      })
  void classifiesMessages(String json, JsonRpc.Kind kind) {
    try (var reader = Json.createReader(new StringReader(json))) {
      assertEquals(kind, JsonRpc.kind(reader.readValue()));
    }
  }
}
