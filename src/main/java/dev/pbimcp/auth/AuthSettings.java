package dev.pbimcp.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authentication mode. Only {@code none} exists yet, and it is for local use: the server
 * refuses to start with it on a non-loopback address unless that is forced on purpose.
 */
@ApplicationScoped
public class AuthSettings {
  /** How callers prove who they are. */
  public enum Mode {
    NONE
  }

  private final Mode mode;
  private final boolean loopback;
  private final boolean forceInsecure;

  @Inject
  public AuthSettings(
      @ConfigProperty(name = "pbimcp.auth.mode", defaultValue = "none") String mode,
      @ConfigProperty(name = "http.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(name = "pbimcp.auth.allow-none-on-network", defaultValue = "false")
          boolean forceInsecure) {
    this.mode = parse(mode);
    String h = host.trim().toLowerCase(Locale.ROOT);
    this.loopback = h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    this.forceInsecure = forceInsecure;
  }

  /** For CDI's proxy. */
  protected AuthSettings() {
    this("none", "127.0.0.1", false);
  }

  public Mode mode() {
    return mode;
  }

  void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (mode == Mode.NONE && !loopback && !forceInsecure) {
      throw new IllegalStateException(
          "PBIMCP_AUTH_MODE=none serves anyone who can reach this address: bind to 127.0.0.1"
              + " (HTTP_HOST) or, knowingly, set PBIMCP_AUTH_ALLOW_NONE_ON_NETWORK=true.");
    }
  }

  private static Mode parse(String value) {
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PBIMCP_AUTH_MODE must be one of: none (got " + value + ")");
    }
  }
}
