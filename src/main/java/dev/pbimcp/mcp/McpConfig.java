package dev.pbimcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Protocol settings; every key has an environment-variable form (PBIMCP_SESSION_KEY, …). */
@ApplicationScoped
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
    this.sessionTtl = Duration.ofHours(Math.max(1, ttlHours));
    this.pageSize = Math.max(1, pageSize);
    this.clientRequestTimeout = Duration.ofSeconds(Math.max(1, clientRequestTimeoutSeconds));
  }

  /** For CDI's proxy. */
  protected McpConfig() {
    this(Optional.empty(), 24, 50, 120);
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
