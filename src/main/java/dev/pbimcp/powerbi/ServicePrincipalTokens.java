package dev.pbimcp.powerbi;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tokens for the app itself (client credentials) with the seed's AZURE_* settings. MSAL4J caches
 * them and renews shortly before expiry. Service principals cannot query RLS or SSO models.
 */
final class ServicePrincipalTokens implements PowerBiTokens {
  static final Set<String> POWER_BI_SCOPE =
      Set.of("https://analysis.windows.net/powerbi/api/.default");

  private final ConfidentialClientApplication app;

  ServicePrincipalTokens(String authority, String clientId, String secret, SSLSocketFactory tls) {
    try {
      var builder =
          ConfidentialClientApplication.builder(
                  clientId, ClientCredentialFactory.createFromSecret(secret))
              .oidcAuthority(authority);
      if (tls != null) {
        builder.sslSocketFactory(tls);
      }
      this.app = builder.build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The Entra authority is not a URL: " + authority, e);
    }
  }

  @Override
  public String accessToken() {
    try {
      return app.acquireToken(ClientCredentialParameters.builder(POWER_BI_SCOPE).build())
          .get(30, TimeUnit.SECONDS)
          .accessToken();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof MsalException m ? m.getMessage() : String.valueOf(cause);
      throw new PowerBiException(
          PowerBiException.Kind.UNAUTHORIZED,
          "Entra ID refused the server's service principal: "
              + firstLine(reason)
              + ". Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (secrets expire).");
    } catch (TimeoutException e) {
      throw new PowerBiException(
          PowerBiException.Kind.TIMEOUT, "Entra ID did not answer within 30 s. Try again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PowerBiException(
          PowerBiException.Kind.TIMEOUT, "Interrupted while getting a token.");
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
