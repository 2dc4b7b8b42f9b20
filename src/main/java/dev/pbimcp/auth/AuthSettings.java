package dev.pbimcp.auth;

import dev.pbimcp.cdi.Unproxied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How callers sign in. With AZURE_TENANT_ID and AZURE_CLIENT_ID set the default is {@code entra}:
 * every MCP request needs an Entra access token for this API with the required delegated scope.
 * {@code none} is for local use: the server refuses to start with it on a non-loopback address
 * unless that is forced on purpose.
 */
@Unproxied
public class AuthSettings {
  /** How callers prove who they are. */
  public enum Mode {
    NONE,
    ENTRA
  }

  private final Mode mode;
  private final boolean loopback;
  private final boolean forceInsecure;
  private final Optional<String> tenantId;
  private final Optional<String> clientId;
  private final String scope;
  private final Optional<String> publicUrl;
  private final Optional<String> authority;

  @Inject
  public AuthSettings(
      @ConfigProperty(name = "pbimcp.auth.mode") Optional<String> mode,
      @ConfigProperty(name = "http.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(name = "pbimcp.auth.allow-none-on-network", defaultValue = "false")
          boolean forceInsecure,
      @ConfigProperty(name = "AZURE_TENANT_ID") Optional<String> tenantId,
      @ConfigProperty(name = "AZURE_CLIENT_ID") Optional<String> clientId,
      @ConfigProperty(name = "pbimcp.auth.scope", defaultValue = "user_impersonation") String scope,
      @ConfigProperty(name = "pbimcp.public-url") Optional<String> publicUrl,
      @ConfigProperty(name = "pbimcp.entra.authority") Optional<String> authority) {
    this.tenantId = tenantId.filter(s -> !s.isBlank()).map(String::trim);
    this.clientId = clientId.filter(s -> !s.isBlank()).map(String::trim);
    this.mode =
        mode.filter(s -> !s.isBlank())
            .map(AuthSettings::parse)
            .orElse(AzureApp.configured(this.tenantId, this.clientId) ? Mode.ENTRA : Mode.NONE);
    this.loopback = Loopback.host(host);
    this.forceInsecure = forceInsecure;
    this.scope = scope.trim();
    this.publicUrl = publicUrl.filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""));
    this.authority = authority.filter(s -> !s.isBlank());
  }

  public Mode mode() {
    return mode;
  }

  /** The delegated scope every call needs, as Entra spells it in tokens' {@code scp}. */
  public String scope() {
    return scope;
  }

  /** The scope as a client must request it from Entra: {@code api://{client-id}/{scope}}. */
  public String qualifiedScope() {
    return "api://" + clientId.orElse("") + "/" + scope;
  }

  /** The directory (tenant) id, empty without Entra. */
  public String tenantId() {
    return tenantId.orElse("");
  }

  /** The API's (and the façade's upstream) application id in Entra. */
  public String clientId() {
    return clientId.orElse("");
  }

  /** Where Entra is for this tenant (PBIMCP_ENTRA_AUTHORITY or the public cloud). */
  public EntraAuthority entra() {
    return EntraAuthority.of(authority.orElse(null), tenantId.orElse(null));
  }

  /** Entra's v2 endpoint base, {@code https://login.microsoftonline.com/{tid}/v2.0} by default. */
  public String authority() {
    return entra().v2();
  }

  /** Entra's authorization endpoint: the façade sends users there to sign in. */
  public String upstreamAuthorizeEndpoint() {
    return entra().authorizeEndpoint();
  }

  /** Entra's signing keys (the ID tokens a client may ask for are Entra's). */
  public String upstreamKeys() {
    return entra().keys();
  }

  /** Entra's token endpoint: the façade forwards clients' grants there. */
  public String upstreamTokenEndpoint() {
    return entra().tokenEndpoint();
  }

  /**
   * The server's public base URL (no trailing slash): PBIMCP_PUBLIC_URL when set, which it must be
   * behind a TLS-terminating proxy such as Azure Web App, else what the request was addressed to.
   */
  public String baseUrl(UriInfo uri) {
    return publicUrl.orElseGet(() -> uri.getBaseUri().toString().replaceAll("/+$", ""));
  }

  /**
   * The caller of a JAX-RS request: its MP JWT principal with sign-in on, and nobody (null)
   * without, never asking the container then. Its one unauthenticated subject serves every
   * anonymous request, and each question locks a set of that subject: 32 request threads queued on
   * it.
   */
  public Caller callerOf(jakarta.ws.rs.core.SecurityContext security) {
    return mode == Mode.ENTRA ? CallerContext.of(security.getUserPrincipal()) : null;
  }

  /** PBIMCP_PUBLIC_URL without its trailing slash, when set. */
  public Optional<String> publicUrl() {
    return publicUrl;
  }

  /** The canonical resource identifier of the MCP endpoint (RFC 8707, no trailing slash). */
  public String resource(UriInfo uri) {
    return baseUrl(uri) + "/mcp";
  }

  void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (mode == Mode.NONE && !loopback && !forceInsecure) {
      throw new IllegalStateException(
          "PBIMCP_AUTH_MODE=none serves anyone who can reach this address: set AZURE_TENANT_ID and"
              + " AZURE_CLIENT_ID for Entra sign-in, bind to 127.0.0.1 (HTTP_HOST) or, knowingly, set"
              + " PBIMCP_AUTH_ALLOW_NONE_ON_NETWORK=true.");
    }
    if (mode == Mode.ENTRA && (tenantId.isEmpty() || clientId.isEmpty())) {
      throw new IllegalStateException(
          "PBIMCP_AUTH_MODE=entra needs AZURE_TENANT_ID and AZURE_CLIENT_ID.");
    }
  }

  private static Mode parse(String value) {
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PBIMCP_AUTH_MODE must be none or entra (got " + value + ")");
    }
  }
}
