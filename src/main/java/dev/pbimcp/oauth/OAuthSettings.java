package dev.pbimcp.oauth;

import dev.pbimcp.auth.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The façade's settings: the Entra app it signs users in with (AZURE_CLIENT_ID and
 * AZURE_CLIENT_SECRET, a Web-platform app whose redirect URI is this server's {@code
 * /oauth/callback}), the key its sealed values use (PBIMCP_SESSION_KEY, shared by every instance),
 * further allowed redirect URIs, and whether client metadata documents may live on private
 * addresses (for tests only).
 */
@ApplicationScoped
public class OAuthSettings {
  private final AuthSettings auth;
  private final Optional<String> secret;
  private final RedirectPolicy redirects;
  private final boolean privateMetadataHosts;
  private final Sealer sealer;

  @Inject
  public OAuthSettings(
      AuthSettings auth,
      @ConfigProperty(name = "AZURE_CLIENT_SECRET") Optional<String> secret,
      @ConfigProperty(name = "pbimcp.session.key") Optional<String> key,
      @ConfigProperty(name = "pbimcp.oauth.redirect-uris") Optional<String> extraRedirects,
      @ConfigProperty(
              name = "pbimcp.oauth.metadata-documents-on-private-addresses",
              defaultValue = "false")
          boolean privateMetadataHosts) {
    this.auth = auth;
    this.secret = secret.filter(s -> !s.isBlank());
    this.redirects =
        new RedirectPolicy(
            extraRedirects.stream()
                .flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    this.privateMetadataHosts = privateMetadataHosts;
    this.sealer = new Sealer(secretBytes(key), Clock.systemUTC());
  }

  /** For CDI's proxy. */
  protected OAuthSettings() {
    this.auth = null;
    this.secret = Optional.empty();
    this.redirects = null;
    this.privateMetadataHosts = false;
    this.sealer = null;
  }

  private static byte[] secretBytes(Optional<String> key) {
    return key.filter(s -> !s.isBlank())
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .orElseGet(
            () -> {
              // Without a shared key, flows must finish on the instance that started them.
              byte[] random = new byte[32];
              new SecureRandom().nextBytes(random);
              return random;
            });
  }

  AuthSettings auth() {
    return auth;
  }

  /** Whether the façade serves at all: only with Entra sign-in. */
  boolean enabled() {
    return auth.mode() == AuthSettings.Mode.ENTRA;
  }

  Optional<String> clientSecret() {
    return secret;
  }

  RedirectPolicy redirects() {
    return redirects;
  }

  boolean privateMetadataHosts() {
    return privateMetadataHosts;
  }

  Sealer sealer() {
    return sealer;
  }
}
