package dev.pbimcp.powerbi;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import java.net.MalformedURLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/** What every MSAL4J-based token provider shares: the confidential client and the waiting. */
final class Msal {
  private static final int WAIT_SECONDS = 30;

  private Msal() {}

  /**
   * The confidential client, made on first use and again after a failure: MSAL reads Entra's OpenID
   * configuration while it builds one, so with Entra unreachable a client made up front would fail
   * the whole token provider, and for good.
   */
  static Supplier<ConfidentialClientApplication> app(
      String authority, String clientId, String secret, SSLSocketFactory tls) {
    AtomicReference<ConfidentialClientApplication> made = new AtomicReference<>();
    return () -> {
      ConfidentialClientApplication app = made.get();
      if (app == null) {
        app = build(authority, clientId, secret, tls);
        made.compareAndSet(null, app);
      }
      return app;
    };
  }

  private static ConfidentialClientApplication build(
      String authority, String clientId, String secret, SSLSocketFactory tls) {
    try {
      var builder =
          ConfidentialClientApplication.builder(
                  clientId, ClientCredentialFactory.createFromSecret(secret))
              .oidcAuthority(authority);
      if (tls != null) {
        builder.sslSocketFactory(tls);
      }
      return builder.build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The Entra authority is not a URL: " + authority, e);
    } catch (MsalClientException e) {
      throw new PowerBiException(
          PowerBiException.Kind.UNAVAILABLE,
          "Entra ID could not be reached to get a Power BI token. Try again shortly; if it"
              + " persists, the server's operator should check outbound HTTPS to Entra ID.");
    }
  }

  /** Waits for a token; Entra's refusal becomes whatever {@code refused} makes of its cause. */
  static String token(
      Supplier<CompletableFuture<IAuthenticationResult>> request,
      Function<Throwable, PowerBiException> refused) {
    try {
      return request.get().get(WAIT_SECONDS, TimeUnit.SECONDS).accessToken();
    } catch (ExecutionException e) {
      throw refused.apply(e.getCause());
    } catch (TimeoutException e) {
      throw new PowerBiException(
          PowerBiException.Kind.TIMEOUT,
          "Entra ID did not answer within " + WAIT_SECONDS + " s. Try again.");
    } catch (InterruptedException e) {
      // The request ended while Entra was asked: not a timeout of Power BI's, which the breaker
      // would count.
      Thread.currentThread().interrupt();
      throw PowerBiException.cancelled();
    }
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
