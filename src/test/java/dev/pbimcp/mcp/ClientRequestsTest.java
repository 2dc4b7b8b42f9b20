package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator's PBIMCP_CLIENT_REQUEST_TIMEOUT_SECONDS bounds every wait for a client's answer. */
class ClientRequestsTest {
  private final ClientRequests requests =
      new ClientRequests(new McpConfig(Optional.empty(), 24, 50, 30));

  @Test
  void aToolMayAskForLessButNeverForMore() {
    assertEquals(Duration.ofSeconds(10), requests.bound(Duration.ofSeconds(10)));
    assertEquals(Duration.ofSeconds(30), requests.bound(Duration.ofMinutes(2)));
    assertEquals(Duration.ofSeconds(30), requests.bound(null));
  }
}
