package dev.pbimcp.mcp;

import dev.pbimcp.cdi.Unproxied;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Protocol settings; every key has an environment-variable form (PBIMCP_SESSION_KEY, …). A value
 * out of range stops the server at start-up with the setting's name (the start-up banner reads this
 * bean), rather than failing the first request that needs it.
 */
@Unproxied
public class McpConfig {
  private final Optional<String> sessionKey;
  private final Duration sessionTtl;
  private final int pageSize;
  private final Duration clientRequestTimeout;

  @Inject
  public McpConfig(
      @ConfigProperty(name = "pbimcp.session.key") Optional<String> sessionKey,
      @ConfigProperty(name = "pbimcp.session.ttl-hours", defaultValue = "24") int ttlHours,
      @ConfigProperty(name = "pbimcp.page-size", defaultValue = "50") int pageSize,
      @ConfigProperty(name = "pbimcp.client-request-timeout-seconds", defaultValue = "120")
          int clientRequestTimeoutSeconds) {
    this.sessionKey = sessionKey.filter(k -> !k.isBlank());
    if (this.sessionKey.isPresent() && this.sessionKey.get().length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "PBIMCP_SESSION_KEY must be at least "
              + MIN_KEY_LENGTH
              + " characters long (it has "
              + this.sessionKey.get().length()
              + "); set the same long random value on every instance.");
    }
    this.sessionTtl = Duration.ofHours(atLeastOne("PBIMCP_SESSION_TTL_HOURS", ttlHours));
    this.pageSize = atLeastOne("PBIMCP_PAGE_SIZE", pageSize);
    this.clientRequestTimeout =
        Duration.ofSeconds(
            atLeastOne("PBIMCP_CLIENT_REQUEST_TIMEOUT_SECONDS", clientRequestTimeoutSeconds));
  }

  /** The shortest session key accepted: a 256-bit HMAC key deserves as much secret. */
  static final int MIN_KEY_LENGTH = 32;

  private static int atLeastOne(String setting, int value) {
    return atLeast(setting, value, 1);
  }

  /** The one start-up rule for a numeric setting: below its least, the start stops naming it. */
  public static int atLeast(String setting, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(
          setting + " must be " + least + " or more, not " + value + ".");
    }
    return value;
  }

  /** The shared key that signs session ids; absent means a random per-process key. */
  public Optional<String> sessionKey() {
    return sessionKey;
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  public int pageSize() {
    return pageSize;
  }

  /** How long a tool waits for the client to answer a sampling or elicitation request. */
  public Duration clientRequestTimeout() {
    return clientRequestTimeout;
  }
}
