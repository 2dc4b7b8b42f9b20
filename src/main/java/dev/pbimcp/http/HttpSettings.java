package dev.pbimcp.http;

import dev.pbimcp.auth.Loopback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Transport settings: where the server listens and which browser origins may call it. */
@ApplicationScoped
public class HttpSettings {
  private final boolean loopbackOnly;
  private final List<String> allowedOrigins;
  private final int maxBodyBytes;
  private final int requestTimeoutSeconds;
  private final long keepAliveMillis;
  private final boolean modernEra;

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
      @ConfigProperty(name = "pbimcp.protocol.modern-era", defaultValue = "true")
          boolean modernEra) {
    this.modernEra = modernEra;
    this.loopbackOnly = isLoopbackHost(host);
    this.allowedOrigins =
        Arrays.stream(origins.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
    this.maxBodyBytes = maxBodyBytes;
    this.requestTimeoutSeconds = requestTimeoutSeconds;
    this.keepAliveMillis = Math.max(1, keepAliveSeconds) * 1000L;
  }

  /** For CDI's proxy. */
  protected HttpSettings() {
    this("127.0.0.1", "", 4194304, 300, 15, true);
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

  public int maxBodyBytes() {
    return maxBodyBytes;
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
