package dev.pbimcp.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Remembers a fingerprint (SHA-256) of the last bearer token the emulated API received, so that a
 * test can prove which token the server sent to Power BI. The token itself is never kept.
 */
@ApplicationScoped
public class TokenLog {
  private volatile String lastFingerprint = "";

  void saw(String token) {
    lastFingerprint = fingerprint(token);
  }

  String last() {
    return lastFingerprint;
  }

  static String fingerprint(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
