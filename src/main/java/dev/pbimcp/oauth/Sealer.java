package dev.pbimcp.oauth;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small JSON objects with AES-256-GCM so the façade can hand its state to the browser or the
 * client and get it back unaltered: the upstream {@code state}, the codes it returns, the ids of
 * registered clients. Each value names its purpose (authenticated, so a sealed state is never
 * accepted as a code) and an expiry. Any instance with the same key opens it: no shared store.
 */
final class Sealer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int IV = 12;

  private final SecretKey key;
  private final Clock clock;

  Sealer(byte[] secret, Clock clock) {
    this.key = new SecretKeySpec(derive(secret), "AES");
    this.clock = clock;
  }

  /** Seals {@code fields} for {@code purpose}, valid for {@code seconds} (0: no expiry). */
  String seal(String purpose, JsonObjectBuilder fields, long seconds) {
    if (seconds > 0) {
      fields.add("exp", clock.instant().getEpochSecond() + seconds);
    }
    byte[] plain = fields.build().toString().getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[IV];
    RANDOM.nextBytes(iv);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain);
      return B64.encodeToString(
          ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The fields, if {@code value} was sealed by this key for {@code purpose} and is unexpired. */
  Optional<JsonObject> open(String purpose, String value) {
    if (value == null || value.length() > 16_384) {
      return Optional.empty();
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(value);
      if (all.length <= IV + 16) {
        return Optional.empty();
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV));
      c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(all, IV, all.length - IV);
      JsonObject o =
          Jsonp.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))
              .readObject();
      boolean expired =
          o.containsKey("exp")
              && o.getJsonNumber("exp").longValue() < clock.instant().getEpochSecond();
      return expired ? Optional.empty() : Optional.of(o);
    } catch (IllegalArgumentException | GeneralSecurityException | JsonException e) {
      // Altered, truncated, sealed for another purpose or by another key: all simply invalid.
      return Optional.empty();
    }
  }

  private static byte[] derive(byte[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // A label keeps this key apart from the session key derived from the same secret.
      sha.update("pbimcp oauth façade v1\n".getBytes(StandardCharsets.UTF_8));
      return sha.digest(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
