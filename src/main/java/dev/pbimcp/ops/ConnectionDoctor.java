package dev.pbimcp.ops;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.auth.Loopback;
import dev.pbimcp.auth.OutboundTls;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.McpConfig;
import dev.pbimcp.oauth.SignInFailures;
import dev.pbimcp.powerbi.AppCheck;
import dev.pbimcp.powerbi.PowerBiException;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The connection doctor: each link of the chain from Claude to Power BI, checked from this server
 * with a verdict and, where it is broken, the fix. Cached (PBIMCP_DOCTOR_CACHE_SECONDS, a minute),
 * so a page view does not ask Entra and Power BI again.
 */
@Unproxied
public class ConnectionDoctor {

  /** The checks of one run, and when it ran. */
  public record Report(Instant at, List<Check> checks) {}

  private final AuthSettings auth;
  private final McpConfig mcp;
  private final AppCheck app;
  private final SignInFailures failures;
  private final MetadataProbe metadata;
  private final HttpClient http;
  private final Recent<Report> last;

  @Inject
  public ConnectionDoctor(
      AuthSettings auth,
      McpConfig mcp,
      AppCheck app,
      SignInFailures failures,
      OutboundTls tls,
      @ConfigProperty(name = "http.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(name = "http.port", defaultValue = "9080") int port,
      @ConfigProperty(name = "pbimcp.doctor.cache-seconds", defaultValue = "60") int cacheSeconds) {
    this.last =
        new Recent<>(
            Duration.ofSeconds(cacheSeconds), () -> new Report(Instant.now(), List.copyOf(run())));
    this.auth = auth;
    this.mcp = mcp;
    this.app = app;
    this.failures = failures;
    this.http = tls == null ? null : tls.httpClient(Duration.ofSeconds(10));
    this.metadata = new MetadataProbe(host, port, http);
  }

  /** The latest run, made again when the last is older than a minute ({@link Recent}). */
  public Report report() {
    return last.get();
  }

  private List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(publicUrl());
    checks.add(sessionKey());
    boolean entra = auth.mode() == AuthSettings.Mode.ENTRA;
    if (entra) {
      checks.add(metadata.check(auth.publicUrl()));
    }
    Optional<PowerBiException> noToken = Optional.empty();
    if (!app.emulator()) {
      checks.addAll(EntraProbe.run(auth, http));
      noToken = app.hasSecret() ? app.tokenRefusal() : Optional.empty();
      checks.add(clientSecret(noToken));
    }
    checks.add(
        !app.emulator() && (!app.hasSecret() || noToken.isPresent())
            ? Check.skip("power-bi", "Power BI, as the app", "The app has no token to ask with.")
            : powerBi());
    if (entra) {
      checks.add(signIns());
    }
    return checks;
  }

  /**
   * How this request arrived against PBIMCP_PUBLIC_URL: behind a proxy that does not pass its
   * headers on, the metadata would name an address Claude cannot reach. Not cached.
   */
  public Check arrival(String requestBase) {
    String title = "Requests arrive at the public address";
    Optional<String> configured = auth.publicUrl();
    if (configured.isEmpty()) {
      return Check.skip("arrival", title, "PBIMCP_PUBLIC_URL is not set.");
    }
    URI want = URI.create(configured.get());
    URI got = URI.create(requestBase);
    if (!want.getHost().equalsIgnoreCase(got.getHost())
        || !want.getScheme().equalsIgnoreCase(got.getScheme())) {
      return Check.warn(
          "arrival",
          title,
          "This page was asked for at " + got.getScheme() + "://" + got.getHost() + ".",
          "Behind a proxy, set PBIMCP_TRUST_FORWARDED_HEADERS=true so the server sees the address"
              + " clients use; otherwise correct PBIMCP_PUBLIC_URL.");
    }
    return Check.pass("arrival", title, "As " + configured.get() + ".");
  }

  private Check publicUrl() {
    String title = "Public address (PBIMCP_PUBLIC_URL)";
    Optional<String> url = auth.publicUrl();
    if (url.isEmpty()) {
      return auth.mode() == AuthSettings.Mode.ENTRA
          ? Check.fail(
              "public-url",
              title,
              "Not set, so the sign-in metadata names whatever address a request used.",
              "Set PBIMCP_PUBLIC_URL to the https address Claude reaches this server at.")
          : Check.pass("public-url", title, "Not needed without sign-in (local use).");
    }
    URI u = URI.create(url.get());
    if (!"https".equalsIgnoreCase(u.getScheme()) && !Loopback.host(u.getHost())) {
      return Check.fail(
          "public-url",
          title,
          url.get() + " is not HTTPS.",
          "Serve the server over HTTPS (Azure Web App does) and set PBIMCP_PUBLIC_URL to https://…;"
              + " Claude connects to HTTPS servers only.");
    }
    return Check.pass("public-url", title, url.get());
  }

  private Check sessionKey() {
    String title = "Session key (PBIMCP_SESSION_KEY)";
    return mcp.sessionKey().isPresent()
        ? Check.pass("session-key", title, "Set: every instance accepts the same sessions.")
        : Check.warn(
            "session-key",
            title,
            "Not set: this process made a random key, so another instance or a restart refuses"
                + " its sessions.",
            "Set PBIMCP_SESSION_KEY to the same random value (32 characters or more) on every"
                + " instance.");
  }

  private Check clientSecret(Optional<PowerBiException> refusal) {
    String title = "The app's client secret (AZURE_CLIENT_SECRET)";
    if (!app.hasSecret()) {
      return Check.fail(
          "client-secret",
          title,
          "Not set: the server can get no Power BI token, for users or for itself.",
          "Create a client secret under the app's Certificates & secrets and set"
              + " AZURE_CLIENT_SECRET.");
    }
    return refusal
        .map(e -> EntraFixes.forSecret(title, e))
        .orElse(Check.pass("client-secret", title, "Entra ID gave the app a token with it."));
  }

  private Check powerBi() {
    String title = app.emulator() ? "Power BI (the built-in emulator)" : "Power BI, as the app";
    Optional<PowerBiException> refusal = app.powerBiRefusal();
    if (refusal.isEmpty()) {
      return Check.pass("power-bi", title, "Answered a call for one workspace.");
    }
    return EntraFixes.forPowerBi(title, refusal.get());
  }

  private Check signIns() {
    String title = "Sign-ins through this server (last hour)";
    SignInFailures.Summary s = failures.summary();
    if (s.count() == 0) {
      return Check.pass("sign-ins", title, "No failed sign-in.");
    }
    return Check.warn(
        "sign-ins",
        title,
        s.count() + " failed, with Entra ID's codes " + String.join(", ", s.codes()) + ".",
        EntraFixes.forCodes(s.codes()));
  }
}
