package dev.pbimcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pbimcp.mcp.McpConfig;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every numeric setting the transport and the protocol read is refused below its least, with its
 * name in the message (StartupChecksIT shows that such a refusal stops the start).
 */
class SettingsValidationTest {
  @Test
  void eachTransportSettingNamesItself() {
    refused(
        "PBIMCP_MAX_BODY_BYTES must be 1024 or more, not 10.",
        () -> http(10, 300, 15, 1000, 64, 64));
    refused(
        "PBIMCP_REQUEST_TIMEOUT_SECONDS must be 1 or more, not 0.",
        () -> http(4096, 0, 15, 1000, 64, 64));
    refused(
        "PBIMCP_SSE_KEEP_ALIVE_SECONDS must be 1 or more, not 0.",
        () -> http(4096, 300, 0, 1000, 64, 64));
    refused(
        "PBIMCP_MAX_OPEN_STREAMS must be 1 or more, not 0.", () -> http(4096, 300, 15, 0, 64, 64));
    refused(
        "PBIMCP_MAX_CONCURRENT_REQUESTS must be 1 or more, not -1.",
        () -> http(4096, 300, 15, 1000, -1, 64));
    refused(
        "PBIMCP_MAX_QUEUED_REQUESTS must be 1 or more, not 0.",
        () -> http(4096, 300, 15, 1000, 64, 0));
  }

  @Test
  void eachProtocolSettingNamesItself() {
    refused(
        "PBIMCP_SESSION_TTL_HOURS must be 1 or more, not 0.",
        () -> new McpConfig(Optional.empty(), 0, 50, 120));
    refused(
        "PBIMCP_PAGE_SIZE must be 1 or more, not 0.",
        () -> new McpConfig(Optional.empty(), 24, 0, 120));
    refused(
        "PBIMCP_CLIENT_REQUEST_TIMEOUT_SECONDS must be 1 or more, not 0.",
        () -> new McpConfig(Optional.empty(), 24, 50, 0));
  }

  private static HttpSettings http(
      int body, int timeout, int keepAlive, int streams, int concurrent, int queued) {
    return new HttpSettings(
        "127.0.0.1", "", body, timeout, keepAlive, true, streams, concurrent, queued);
  }

  private static void refused(String message, Supplier<?> settings) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, settings::get).getMessage());
  }
}
