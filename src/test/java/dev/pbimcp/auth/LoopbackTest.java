package dev.pbimcp.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One loopback rule for binding, Host checks and redirect URIs. */
class LoopbackTest {
  @Test
  void loopbackNamesAndAddresses() {
    for (String h :
        new String[] {"localhost", "LOCALHOST", " 127.0.0.1 ", "127.1.2.3", "::1", "[::1]"}) {
      assertTrue(Loopback.host(h), h);
    }
    for (String h :
        new String[] {
          "*", "0.0.0.0", "127.example.com", "localhost.evil.com", "10.0.0.1", "", null
        }) {
      assertFalse(Loopback.host(h), String.valueOf(h));
    }
  }
}
