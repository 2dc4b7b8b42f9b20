package dev.pbimcp.http;

import dev.pbimcp.auth.Loopback;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.McpConfig;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Transport settings: where the server listens and which browser origins may call it. */
@Unproxied
public class HttpSettings {
  private final boolean loopbackOnly;
  private final List<String> allowedOrigins;
  private final int maxBodyBytes;
  private final int requestTimeoutSeconds;
  private final long keepAliveMillis;
  private final boolean modernEra;
  private final int maxOpenStreams;
  private final int maxConcurrentRequests;
  private final int maxQueuedRequests;

  @Inject
  public HttpSettings(
      @ConfigProperty(name = "http.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(
              name = "pbimcp.allowed-origins",
              defaultValue = "https://claude.ai,https://claude.com")
          String origins,
      @ConfigProperty(name = "pbimcp.max-body-bytes", defaultValue = "4194304") int maxBodyBytes,
      @ConfigProperty(name = "pbimcp.request-timeout-seconds", defaultValue = "300")
          int requestTimeoutSeconds,
      @ConfigProperty(name = "pbimcp.sse.keep-alive-seconds", defaultValue = "15")
          int keepAliveSeconds,
      @ConfigProperty(name = "pbimcp.protocol.modern-era", defaultValue = "true") boolean modernEra,
      @ConfigProperty(name = "pbimcp.max-open-streams", defaultValue = "1000") int maxOpenStreams,
      @ConfigProperty(name = "pbimcp.max-concurrent-requests", defaultValue = "64")
          int maxConcurrentRequests,
      @ConfigProperty(name = "pbimcp.max-queued-requests", defaultValue = "64")
          int maxQueuedRequests) {
    this.modernEra = modernEra;
    this.loopbackOnly = isLoopbackHost(host);
    this.allowedOrigins =
        Arrays.stream(origins.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
    this.maxBodyBytes = McpConfig.atLeast("PBIMCP_MAX_BODY_BYTES", maxBodyBytes, 1024);
    this.requestTimeoutSeconds =
        McpConfig.atLeast("PBIMCP_REQUEST_TIMEOUT_SECONDS", requestTimeoutSeconds, 1);
    this.keepAliveMillis =
        McpConfig.atLeast("PBIMCP_SSE_KEEP_ALIVE_SECONDS", keepAliveSeconds, 1) * 1000L;
    this.maxOpenStreams = McpConfig.atLeast("PBIMCP_MAX_OPEN_STREAMS", maxOpenStreams, 1);
    this.maxConcurrentRequests =
        McpConfig.atLeast("PBIMCP_MAX_CONCURRENT_REQUESTS", maxConcurrentRequests, 1);
    this.maxQueuedRequests = McpConfig.atLeast("PBIMCP_MAX_QUEUED_REQUESTS", maxQueuedRequests, 1);
  }

  /**
   * Whether 2026-07-28 requests are served. Off, such a request is answered as a legacy server
   * would (400 without a modern error), and modern-first clients fall back to {@code initialize}.
   */
  public boolean modernEra() {
    return modernEra;
  }

  /** True when the server is bound to a loopback address, where DNS rebinding is the threat. */
  public boolean loopbackOnly() {
    return loopbackOnly;
  }

  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** Requests worked on at once. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** Requests waiting for a place; past that, 503. */
  public int maxQueuedRequests() {
    return maxQueuedRequests;
  }

  /** The most streams (GET, listen, /sse, streamed answers) this instance holds open at once. */
  public int maxOpenStreams() {
    return maxOpenStreams;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The longest a request's thread waits for its answer: the request timeout answers first, so this
   * only bounds a wait on work the server lost while stopping.
   */
  long answerWaitMillis() {
    return requestTimeoutSeconds * 1000L + 10_000;
  }

  public int requestTimeoutSeconds() {
    return requestTimeoutSeconds;
  }

  /** How often an idle stream gets a comment, which is also how soon a lost client is noticed. */
  public long keepAliveMillis() {
    return keepAliveMillis;
  }

  static boolean isLoopbackHost(String host) {
    return Loopback.host(host);
  }
}
