package dev.pbimcp.auth;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule for where Entra is: PBIMCP_ENTRA_AUTHORITY (a sovereign cloud, a private stand-in)
 * or the public cloud's {@code https://login.microsoftonline.com/{tenant}/v2.0}. Sign-in, MSAL4J
 * and token validation all derive their endpoints and the issuer from it, so that moving the
 * authority moves all of them.
 */
public record EntraAuthority(String v2) {
  /** The authority from the setting (blank: none) and the tenant. */
  public static EntraAuthority of(String setting, String tenant) {
    if (setting != null && !setting.isBlank()) {
      String a = setting.strip().replaceAll("/+$", "");
      return new EntraAuthority(a.endsWith("/v2.0") ? a : a + "/v2.0");
    }
    String t = tenant == null || tenant.isBlank() ? "common" : tenant.strip();
    return new EntraAuthority("https://login.microsoftonline.com/" + t + "/v2.0");
  }

  private String base() {
    return v2.substring(0, v2.length() - "/v2.0".length());
  }

  /** The issuer of v2 access tokens: the authority itself, as Entra's OpenID configuration says. */
  public String issuer() {
    return v2;
  }

  /**
   * The issuer of v1 access tokens: Entra's security token service for the tenant, {@code
   * sts.chinacloudapi.cn} in the Azure China cloud and {@code sts.windows.net} elsewhere.
   */
  public String v1Issuer(String tenant) {
    String host = URI.create(v2).getHost().toLowerCase(Locale.ROOT);
    String sts =
        host.endsWith(".cn") ? "https://sts.chinacloudapi.cn/" : "https://sts.windows.net/";
    return sts + tenant + "/";
  }

  public String keys() {
    return base() + "/discovery/v2.0/keys";
  }

  public String authorizeEndpoint() {
    return base() + "/oauth2/v2.0/authorize";
  }

  public String tokenEndpoint() {
    return base() + "/oauth2/v2.0/token";
  }
}
