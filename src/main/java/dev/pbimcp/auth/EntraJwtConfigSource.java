package dev.pbimcp.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the MicroProfile JWT settings from the seed's AZURE_TENANT_ID and AZURE_CLIENT_ID, so
 * that those two settings are all Entra sign-in needs: Entra's JWKS, the v2 issuer (and the v1 one
 * with PBIMCP_ENTRA_ACCEPT_V1_TOKENS=true; Liberty takes a comma-separated list), and the API's
 * client id (and App ID URI) as audiences. Any explicit mp.jwt.* setting wins (low ordinal).
 */
public class EntraJwtConfigSource implements ConfigSource {
  private final Map<String, String> values = new HashMap<>();

  public EntraJwtConfigSource() {
    String tenant = setting("AZURE_TENANT_ID");
    String client = setting("AZURE_CLIENT_ID");
    if (AzureApp.configured(tenant, client)) {
      values.put(
          "mp.jwt.verify.publickey.location",
          "https://login.microsoftonline.com/" + tenant + "/discovery/v2.0/keys");
      String v2 = "https://login.microsoftonline.com/" + tenant + "/v2.0";
      // v1 tokens (an API app left at requestedAccessTokenVersion 1) only when asked for.
      boolean v1 = "true".equalsIgnoreCase(setting("PBIMCP_ENTRA_ACCEPT_V1_TOKENS"));
      values.put("mp.jwt.verify.issuer", v1 ? v2 + ",https://sts.windows.net/" + tenant + "/" : v2);
      values.put("mp.jwt.verify.audiences", client + ",api://" + client);
      values.put("mp.jwt.verify.publickey.algorithm", "RS256");
    }
  }

  private static String setting(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      v = System.getProperty(name);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String name) {
    return values.get(name);
  }

  @Override
  public String getName() {
    return "pbimcp-entra-defaults";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
