package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies session ids of the form {@code base64url(claims).base64url(HMAC-SHA256)}. No
 * server-side session table exists, so a load balancer needs no affinity and a restart loses
 * nothing; changing the key ends every session (clients get 404 and initialize again).
 */
@Unproxied
public class SessionCodec implements dev.pbimcp.registry.Signer {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  // Ids verified lately: every request of a session would otherwise pay an HMAC and a JSON parse.
  // Only verified ids get in, and expiry is checked at each use.
  private static final int VERIFIED_MOST = 10_000;
  private static final int VERIFIED_ID_MOST = 2048;
  private final Map<String, Session> verified = new ConcurrentHashMap<>();
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  private final McpConfig config;
  private final Clock clock;

  @Inject
  public SessionCodec(McpConfig config) {
    this(config, Clock.systemUTC());
  }

  SessionCodec(McpConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.key = new SecretKeySpec(deriveKey(config), "HmacSHA256");
  }

  /** A new session, bound to {@code owner} (an opaque name of the signed-in user, or empty). */
  public Session issue(
      String protocolVersion, JsonObject clientCapabilities, String clientName, String owner) {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String sessionKey = B64.encodeToString(random);
    Instant expires = clock.instant().plus(config.sessionTtl());
    JsonObject claims =
        Jsonp.createObjectBuilder()
            .add("k", sessionKey)
            .add("v", protocolVersion)
            .add("c", clientCapabilities)
            .add("n", clientName == null ? "" : clientName)
            .add("e", expires.getEpochSecond())
            .add("o", owner == null ? "" : owner)
            .build();
    String id = signed(claims);
    return new Session(
        id, sessionKey, protocolVersion, clientCapabilities, clientName, expires, owner);
  }

  /**
   * Claims in the same signed form as session ids, for the client to carry and send back (the
   * {@code requestState} of a multi round-trip request): any instance with the key reads them.
   */
  @Override
  public String signed(JsonObject claims) {
    String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return payload + "." + B64.encodeToString(sign(payload));
  }

  /** The claims of a value made by {@link #signed}, or empty when forged or corrupted. */
  @Override
  public Optional<JsonObject> opened(String value) {
    if (value == null || value.length() > 1_000_000) {
      return Optional.empty();
    }
    int dot = value.indexOf('.');
    if (dot <= 0 || dot != value.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      String payload = value.substring(0, dot);
      if (!MessageDigest.isEqual(B64D.decode(value.substring(dot + 1)), sign(payload))) {
        return Optional.empty();
      }
      try (var reader =
          Jsonp.createReader(
              new StringReader(new String(B64D.decode(payload), StandardCharsets.UTF_8)))) {
        return Optional.of(reader.readObject());
      }
    } catch (IllegalArgumentException | JsonException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** The session this id stands for, or empty when forged, corrupted or expired. */
  public Optional<Session> verify(String id) {
    if (id == null || id.length() > 8192) {
      return Optional.empty();
    }
    Session known = verified.get(id);
    if (known != null) {
      if (clock.instant().isBefore(known.expiresAt())) {
        return Optional.of(known);
      }
      verified.remove(id);
      return Optional.empty();
    }
    Optional<Session> session = opened(id).flatMap(c -> session(id, c));
    if (session.isPresent() && id.length() <= VERIFIED_ID_MOST) {
      if (verified.size() >= VERIFIED_MOST) {
        verified.clear(); // rare, and costs only a verification per session again
      }
      verified.put(id, session.get());
    }
    return session;
  }

  private Optional<Session> session(String id, JsonObject c) {
    try {
      Instant expires = Instant.ofEpochSecond(c.getJsonNumber("e").longValue());
      if (!clock.instant().isBefore(expires)) {
        return Optional.empty();
      }
      JsonValue caps = c.get("c");
      return Optional.of(
          new Session(
              id,
              c.getString("k"),
              c.getString("v"),
              caps instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT,
              c.getString("n", ""),
              expires,
              c.getString("o", "")));
    } catch (ClassCastException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    return macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
  }

  /** A keyed HMAC per thread: looking the algorithm up and keying it cost more than the MAC. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] deriveKey(McpConfig config) {
    Optional<String> configured = config.sessionKey();
    if (configured.isEmpty()) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      return random;
    }
    String k = configured.get();
    try {
      // Hashing lets any length or alphabet of secret become a full-strength HMAC key.
      return MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
