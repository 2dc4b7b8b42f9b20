package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
  private static final String KEY = "a-test-key-that-is-long-enough-0123456789";
  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  private static SessionCodec codec(String key, Instant now) {
    return new SessionCodec(
        new McpConfig(Optional.ofNullable(key), 24, 50, 120), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void anIssuedSessionVerifiesOnAnyInstanceWithTheKey() {
    var caps = Json.createObjectBuilder().add("sampling", Json.createObjectBuilder()).build();
    Session s = codec(KEY, NOW).issue("2025-06-18", caps, "claude-ai", "tenant/alice");
    Session back = codec(KEY, NOW).verify(s.id()).orElseThrow();
    assertEquals("tenant/alice", back.owner(), "the session names who opened it");
    assertEquals("2025-06-18", back.protocolVersion());
    assertEquals(s.key(), back.key());
    assertTrue(back.clientSupports("sampling"));
    assertEquals(NOW.plus(Duration.ofHours(24)), back.expiresAt());
  }

  @Test
  void anotherKeyATamperedPayloadOrExpiryIsRefused() {
    Session s = codec(KEY, NOW).issue("2025-11-25", Json.createObjectBuilder().build(), "x", "");
    assertTrue(codec(KEY + "-other", NOW).verify(s.id()).isEmpty());
    String[] parts = s.id().split("\\.");
    String tampered = parts[0].substring(0, parts[0].length() - 2) + "AA." + parts[1];
    assertTrue(codec(KEY, NOW).verify(tampered).isEmpty());
    assertTrue(codec(KEY, NOW.plus(Duration.ofHours(25))).verify(s.id()).isEmpty());
    for (String junk : new String[] {"", ".", "a.b.c", "%%%.%%%", "x".repeat(9000)}) {
      assertTrue(codec(KEY, NOW).verify(junk).isEmpty(), junk);
    }
  }

  @Test
  void aSessionVerifiedOnceIsStillRefusedOnceItExpires() {
    Instant[] now = {NOW};
    Clock moving =
        new Clock() {
          @Override
          public Instant instant() {
            return now[0];
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    SessionCodec codec = new SessionCodec(new McpConfig(Optional.of(KEY), 24, 50, 120), moving);
    Session s = codec.issue("2025-11-25", Json.createObjectBuilder().build(), "x", "");
    assertTrue(codec.verify(s.id()).isPresent());
    assertTrue(codec.verify(s.id()).isPresent(), "verified again, from what it remembers");
    now[0] = NOW.plus(Duration.ofHours(24));
    assertTrue(codec.verify(s.id()).isEmpty(), "remembered or not, an expired session is gone");
  }

  @Test
  void aShortKeyIsRejectedAtStartUp() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> codec("short", NOW));
    assertTrue(e.getMessage().startsWith("PBIMCP_SESSION_KEY must be at least 32"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new McpConfig(Optional.empty(), 0, 50, 120));
  }

  @Test
  void withoutAKeyEachProcessHasItsOwn() {
    Session s = codec(null, NOW).issue("2025-11-25", Json.createObjectBuilder().build(), "x", "");
    assertTrue(codec(null, NOW).verify(s.id()).isEmpty());
  }
}
