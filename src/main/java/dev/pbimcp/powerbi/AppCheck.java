package dev.pbimcp.powerbi;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.OutboundTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app's own identity, checked for the connection doctor: whether Entra gives it a token (client
 * credentials with AZURE_CLIENT_SECRET) and whether Power BI answers that token. Each check uses a
 * fresh MSAL client, so a token cached earlier cannot hide a secret that stopped working.
 */
@ApplicationScoped
public class AppCheck {
  private final PowerBiSettings settings;
  private final Optional<String> secret;
  private final AuthSettings auth;
  private final SSLSocketFactory tls;
  private final PowerBiGateway gateway;

  @Inject
  public AppCheck(
      PowerBiSettings settings,
      @ConfigProperty(name = "AZURE_CLIENT_SECRET") Optional<String> secret,
      AuthSettings auth,
      OutboundTls outbound,
      PowerBiGateway gateway) {
    this.settings = settings;
    this.secret = secret.filter(s -> !s.isBlank());
    this.auth = auth;
    this.tls = outbound != null && outbound.custom() ? outbound.context().getSocketFactory() : null;
    this.gateway = gateway;
  }

  /** For CDI's proxy. */
  protected AppCheck() {
    this(null, Optional.empty(), null, null, null);
  }

  public boolean emulator() {
    return settings.backend() == PowerBiSettings.Backend.EMULATOR;
  }

  public boolean hasSecret() {
    return secret.isPresent();
  }

  /** Empty when Entra gave the app a token; else Entra's refusal, in the gateway's words. */
  public Optional<PowerBiException> tokenRefusal() {
    try {
      appTokens().accessToken();
      return Optional.empty();
    } catch (PowerBiException e) {
      return Optional.of(e);
    }
  }

  /** Empty when Power BI answered one call as the app (the emulator: as anyone); else why not. */
  public Optional<PowerBiException> powerBiRefusal() {
    try {
      if (emulator()) {
        gateway.workspaces(null, 1, 0);
      } else {
        gateway.probeWith(appTokens());
      }
      return Optional.empty();
    } catch (PowerBiException e) {
      return Optional.of(e);
    }
  }

  private PowerBiTokens appTokens() {
    return new ServicePrincipalTokens(
        auth.authority(), settings.clientId().orElseThrow(), secret.orElseThrow(), tls);
  }
}
