package dev.pbimcp.powerbi;

import dev.pbimcp.auth.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
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

  @Inject
  public TokenProviders(
      PowerBiSettings settings,
      @ConfigProperty(name = "AZURE_CLIENT_SECRET") Optional<String> secret,
      @ConfigProperty(name = "pbimcp.entra.authority") Optional<String> authority,
      @ConfigProperty(name = "pbimcp.powerbi.identity") Optional<String> identity,
      AuthSettings auth) {
    this.settings = settings;
    this.secret = secret.filter(s -> !s.isBlank());
    this.authority = authority.filter(s -> !s.isBlank());
    this.identity =
        identity.filter(s -> !s.isBlank()).map(s -> s.trim().toLowerCase(java.util.Locale.ROOT));
    this.auth = auth;
  }

  /** For CDI's proxy. */
  protected TokenProviders() {
    this(null, Optional.empty(), Optional.empty(), Optional.empty(), null);
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
            "The server has no AZURE_CLIENT_SECRET, so it cannot sign in to Power BI as its service"
                + " principal. Set it (or use Entra sign-in).");
      };
    }
    return new ServicePrincipalTokens(
        authority.orElse("https://login.microsoftonline.com/" + tenant + "/v2.0"),
        clientId,
        secret.get(),
        null);
  }
}
