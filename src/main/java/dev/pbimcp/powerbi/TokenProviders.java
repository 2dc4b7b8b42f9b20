package dev.pbimcp.powerbi;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.OutboundTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the token provider from the configuration: the emulator's; On-Behalf-Of the signed-in
 * user (the default with Entra sign-in); or the service principal (PBIMCP_POWERBI_IDENTITY).
 */
@ApplicationScoped
public class TokenProviders {
  private final PowerBiSettings settings;
  private final Optional<String> secret;
  private final AuthSettings auth;
  private final Optional<String> identity;
  private final SSLSocketFactory tls;

  @Inject
  public TokenProviders(
      PowerBiSettings settings,
      @ConfigProperty(name = "AZURE_CLIENT_SECRET") Optional<String> secret,
      @ConfigProperty(name = "pbimcp.powerbi.identity") Optional<String> identity,
      OutboundTls outbound,
      AuthSettings auth) {
    this.settings = settings;
    this.secret = secret.filter(s -> !s.isBlank());
    this.identity =
        identity.filter(s -> !s.isBlank()).map(s -> s.trim().toLowerCase(java.util.Locale.ROOT));
    this.auth = auth;
    this.tls = outbound != null && outbound.custom() ? outbound.context().getSocketFactory() : null;
  }

  /** For CDI's proxy. */
  protected TokenProviders() {
    this(null, Optional.empty(), Optional.empty(), null, null);
  }

  @Produces
  @ApplicationScoped
  PowerBiTokens tokens() {
    if (settings.backend() == PowerBiSettings.Backend.EMULATOR) {
      return new EmulatorTokens();
    }
    String clientId = settings.clientId().orElseThrow();
    if (secret.isEmpty()) {
      return () -> {
        throw new PowerBiException(
            PowerBiException.Kind.UNAUTHORIZED,
            "The server has no AZURE_CLIENT_SECRET, so it cannot get Power BI tokens (neither"
                + " On-Behalf-Of the user nor as its service principal). Set AZURE_CLIENT_SECRET.");
      };
    }
    String entra = auth.authority();
    boolean delegated =
        identity.map(i -> i.equals("delegated")).orElse(auth.mode() == AuthSettings.Mode.ENTRA);
    return delegated
        ? new OnBehalfOfTokens(entra, clientId, secret.get(), tls)
        : new ServicePrincipalTokens(entra, clientId, secret.get(), tls);
  }
}
