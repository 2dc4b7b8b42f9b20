package dev.pbimcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SealerTest {
  private static final byte[] KEY =
      "a-shared-key-of-some-length-0123".getBytes(StandardCharsets.UTF_8);

  private static Sealer at(long epochSecond) {
    return new Sealer(KEY, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void opensWhatItSealedOnAnyInstanceWithTheKey() {
    String sealed = at(1000).seal("state", Json.createObjectBuilder().add("ru", "x"), 600);
    assertEquals("x", at(1500).open("state", sealed).orElseThrow().getString("ru"));
  }

  @Test
  void refusesExpiredAlteredForeignAndMisdirectedValues() {
    String sealed = at(1000).seal("state", Json.createObjectBuilder().add("ru", "x"), 600);
    assertTrue(at(1601).open("state", sealed).isEmpty(), "expired");
    assertTrue(at(1500).open("code", sealed).isEmpty(), "a state is not a code");
    char[] c = sealed.toCharArray();
    c[20] = c[20] == 'A' ? 'B' : 'A';
    assertTrue(at(1500).open("state", new String(c)).isEmpty(), "altered");
    Sealer other =
        new Sealer(
            "another-key-entirely-0123456789".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    assertTrue(other.open("state", sealed).isEmpty(), "another key");
    assertTrue(at(1500).open("state", "not base64 at all!").isEmpty());
    assertTrue(at(1500).open("state", null).isEmpty());
    assertTrue(at(1500).open("state", "").isEmpty());
  }

  @Test
  void valuesWithoutExpiryLastAndDifferEachTime() {
    String a = at(0).seal("client", Json.createObjectBuilder().add("name", "n"), 0);
    String b = at(0).seal("client", Json.createObjectBuilder().add("name", "n"), 0);
    assertTrue(!a.equals(b), "a fresh nonce per value");
    assertEquals("n", at(4_000_000_000L).open("client", a).orElseThrow().getString("name"));
  }
}
