package dev.pbimcp.powerbi;

import dev.pbimcp.auth.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the token provider from the configuration: the emulator's; On-Behalf-Of the signed-in
 * user (the default with Entra sign-in); or the service principal (PBIMCP_POWERBI_IDENTITY).
 */
@ApplicationScoped
public class TokenProviders {
  private final PowerBiSettings settings;
  private final Optional<String> secret;
  private final Optional<String> authority;
  private final AuthSettings auth;
  private final Optional<String> identity;
  private final SSLSocketFactory tls;

  @Inject
  public TokenProviders(
      PowerBiSettings settings,
      @ConfigProperty(name = "AZURE_CLIENT_SECRET") Optional<String> secret,
      @ConfigProperty(name = "pbimcp.entra.authority") Optional<String> authority,
      @ConfigProperty(name = "pbimcp.powerbi.identity") Optional<String> identity,
      @ConfigProperty(name = "pbimcp.entra.truststore") Optional<String> truststore,
      @ConfigProperty(name = "pbimcp.entra.truststore-password", defaultValue = "changeit")
          String truststorePassword,
      AuthSettings auth) {
    this.settings = settings;
    this.secret = secret.filter(s -> !s.isBlank());
    this.authority = authority.filter(s -> !s.isBlank());
    this.identity =
        identity.filter(s -> !s.isBlank()).map(s -> s.trim().toLowerCase(java.util.Locale.ROOT));
    this.auth = auth;
    this.tls =
        truststore
            .filter(s -> !s.isBlank())
            .map(path -> trust(path, truststorePassword))
            .orElse(null);
  }

  /** Trusts the certificates in a PKCS12 file for Entra calls only (not JVM-wide). */
  private static SSLSocketFactory trust(String path, String password) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("PBIMCP_ENTRA_TRUSTSTORE cannot be read: " + path, e);
    }
  }

  /** For CDI's proxy. */
  protected TokenProviders() {
    this(
        null,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "changeit",
        null);
  }

  @Produces
  @ApplicationScoped
  PowerBiTokens tokens() {
    if (settings.backend() == PowerBiSettings.Backend.EMULATOR) {
      return new EmulatorTokens();
    }
    String tenant = settings.tenantId().orElseThrow();
    String clientId = settings.clientId().orElseThrow();
    if (secret.isEmpty()) {
      return () -> {
        throw new PowerBiException(
            PowerBiException.Kind.UNAUTHORIZED,
            "The server has no AZURE_CLIENT_SECRET, so it cannot get Power BI tokens (neither"
                + " On-Behalf-Of the user nor as its service principal). Set AZURE_CLIENT_SECRET.");
      };
    }
    String entra = authority.orElse("https://login.microsoftonline.com/" + tenant + "/v2.0");
    boolean delegated =
        identity.map(i -> i.equals("delegated")).orElse(auth.mode() == AuthSettings.Mode.ENTRA);
    return delegated
        ? new OnBehalfOfTokens(entra, clientId, secret.get(), tls)
        : new ServicePrincipalTokens(entra, clientId, secret.get(), tls);
  }
}
