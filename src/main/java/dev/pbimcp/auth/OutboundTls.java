package dev.pbimcp.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TLS trust for the server's own calls to Entra ID and to clients' metadata documents: the
 * JVM's default, or a PKCS12 file (PBIMCP_ENTRA_TRUSTSTORE) for a private authority, such as the
 * tests' Entra stand-in. Never JVM-wide, so nothing else starts trusting it.
 */
@ApplicationScoped
public class OutboundTls {
  private final SSLContext context;
  private final boolean custom;

  @Inject
  public OutboundTls(
      @ConfigProperty(name = "pbimcp.entra.truststore") Optional<String> truststore,
      @ConfigProperty(name = "pbimcp.entra.truststore-password", defaultValue = "changeit")
          String password) {
    Optional<String> path = truststore.filter(s -> !s.isBlank());
    this.custom = path.isPresent();
    this.context = path.map(p -> load(p, password)).orElseGet(OutboundTls::platform);
  }

  /** For CDI's proxy. */
  protected OutboundTls() {
    this.context = null;
    this.custom = false;
  }

  public SSLContext context() {
    return context;
  }

  /**
   * An HTTP client for calls a stranger's input can steer (client metadata documents) or that carry
   * credentials (Entra's token endpoint): this trust, a connect timeout, no redirects.
   */
  public HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Whether a truststore was configured (MSAL4J then needs to be told). */
  public boolean custom() {
    return custom;
  }

  private static SSLContext platform() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No default TLS context", e);
    }
  }

  private static SSLContext load(String path, String password) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("PBIMCP_ENTRA_TRUSTSTORE cannot be read: " + path, e);
    }
  }
}
