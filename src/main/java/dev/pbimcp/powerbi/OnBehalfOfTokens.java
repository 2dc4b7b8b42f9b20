package dev.pbimcp.powerbi;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Power BI tokens for the signed-in user: the token the user sent this server is exchanged with
 * Entra On-Behalf-Of for one whose audience is Power BI, so row-level security applies and the
 * user's own permissions decide. MSAL4J caches the result per user until shortly before expiry.
 */
final class OnBehalfOfTokens implements PowerBiTokens {
  private final Supplier<ConfidentialClientApplication> app;

  /**
   * A user's parallel tool calls, or a schema's parallel queries, on a fresh token: one exchange.
   */
  private final SharedExchange exchanges = new SharedExchange();

  OnBehalfOfTokens(String authority, String clientId, String secret, SSLSocketFactory tls) {
    this.app = Msal.app(authority, clientId, secret, tls);
  }

  @Override
  public String accessToken() {
    Caller caller =
        CallerContext.current()
            .orElseThrow(
                () ->
                    new PowerBiException(
                        PowerBiException.Kind.UNAUTHORIZED,
                        "No signed-in user: Power BI is called on behalf of the user, so sign in with Entra ID."));
    return exchanges.token(caller.assertion(), () -> exchange(caller));
  }

  private String exchange(Caller caller) {
    return Msal.token(
        () ->
            app.get()
                .acquireToken(
                    OnBehalfOfParameters.builder(
                            ServicePrincipalTokens.POWER_BI_SCOPE,
                            new UserAssertion(caller.assertion()))
                        .build()),
        OnBehalfOfTokens::refused);
  }

  private static PowerBiException refused(Throwable cause) {
    String text = cause instanceof MsalServiceException m ? m.getMessage() : String.valueOf(cause);
    String first = Msal.firstLine(text);
    if (text.contains("AADSTS65001")) {
      return new PowerBiException(
          PowerBiException.Kind.FORBIDDEN,
          "Power BI access has not been consented for this app (AADSTS65001). An administrator must grant"
              + " admin consent to the app registration's Power BI Service delegated permissions"
              + " (Dataset.Read.All, Workspace.Read.All, Report.Read.All, Dashboard.Read.All), or the"
              + " user must consent once.");
    }
    return new PowerBiException(
        PowerBiException.Kind.UNAUTHORIZED,
        "Entra ID could not exchange the sign-in for a Power BI token: "
            + first
            + ". Sign in again; if it persists, check the app registration (client secret, API permissions).");
  }
}
