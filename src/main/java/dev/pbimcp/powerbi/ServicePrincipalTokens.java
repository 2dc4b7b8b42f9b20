package dev.pbimcp.powerbi;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalException;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tokens for the app itself (client credentials) with the seed's AZURE_* settings. MSAL4J caches
 * them and renews shortly before expiry. Service principals cannot query RLS or SSO models.
 */
final class ServicePrincipalTokens implements PowerBiTokens {
  static final Set<String> POWER_BI_SCOPE =
      Set.of("https://analysis.windows.net/powerbi/api/.default");

  private final Supplier<ConfidentialClientApplication> app;

  /** The first calls of a fresh server, all at once: one exchange. */
  private final SharedExchange exchanges = new SharedExchange();

  ServicePrincipalTokens(String authority, String clientId, String secret, SSLSocketFactory tls) {
    this.app = Msal.app(authority, clientId, secret, tls);
  }

  @Override
  public String accessToken() {
    return exchanges.token("", this::exchange);
  }

  private String exchange() {
    return Msal.token(
        () -> app.get().acquireToken(ClientCredentialParameters.builder(POWER_BI_SCOPE).build()),
        cause ->
            new PowerBiException(
                PowerBiException.Kind.UNAUTHORIZED,
                "Entra ID refused the server's service principal: "
                    + Msal.firstLine(
                        cause instanceof MsalException m ? m.getMessage() : String.valueOf(cause))
                    + ". Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (secrets expire)."));
  }
}
