package dev.pbimcp.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the MicroProfile JWT settings from AZURE_TENANT_ID, AZURE_CLIENT_ID and
 * PBIMCP_ENTRA_AUTHORITY, so that those are all Entra sign-in needs: the authority's JWKS, its v2
 * issuer (and the v1 one with PBIMCP_ENTRA_ACCEPT_V1_TOKENS=true; Liberty takes a comma-separated
 * list), and the API's client id (and App ID URI) as audiences. Any explicit mp.jwt.* setting wins
 * (low ordinal).
 *
 * <p>The settings are read through the application's Config, wherever they are set (environment,
 * system properties, Liberty variables), on first use rather than while Config is being built: a
 * config source cannot ask Config for anything while it is under construction.
 */
public class EntraJwtConfigSource implements ConfigSource {
  private static final String KEYS = "mp.jwt.verify.publickey.location";
  private static final String ISSUER = "mp.jwt.verify.issuer";
  private static final String AUDIENCES = "mp.jwt.verify.audiences";
  private static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
  private static final Set<String> NAMES = Set.of(KEYS, ISSUER, AUDIENCES, ALGORITHM);
  // Static: Config may build further instances of this source while one of them asks it.
  private static final ThreadLocal<Boolean> DERIVING = new ThreadLocal<>();

  private volatile Map<String, String> values;

  /** The MP JWT settings for these Entra settings (none without a tenant and client id). */
  static Map<String, String> derive(
      String tenant, String client, String authority, boolean acceptV1) {
    Map<String, String> v = new HashMap<>();
    if (AzureApp.configured(tenant, client)) {
      EntraAuthority entra = EntraAuthority.of(authority, tenant);
      v.put(KEYS, entra.keys());
      v.put(ISSUER, acceptV1 ? entra.issuer() + "," + entra.v1Issuer(tenant) : entra.issuer());
      v.put(AUDIENCES, client + ",api://" + client);
      v.put(ALGORITHM, "RS256");
    }
    return v;
  }

  private Map<String, String> values() {
    if (values == null) {
      if (DERIVING.get() != null) {
        return Map.of();
      }
      DERIVING.set(Boolean.TRUE);
      try {
        Config config = ConfigProvider.getConfig();
        values =
            derive(
                setting(config, "AZURE_TENANT_ID"),
                setting(config, "AZURE_CLIENT_ID"),
                setting(config, "pbimcp.entra.authority"),
                "true".equalsIgnoreCase(setting(config, "pbimcp.entra.accept-v1-tokens")));
      } finally {
        DERIVING.remove();
      }
    }
    return values;
  }

  private static String setting(Config config, String name) {
    Optional<String> v = config.getOptionalValue(name, String.class);
    return v.filter(s -> !s.isBlank()).map(String::trim).orElse(null);
  }

  @Override
  public Set<String> getPropertyNames() {
    // Known without deriving, which may not happen while Config is being built.
    return NAMES;
  }

  @Override
  public String getValue(String name) {
    return NAMES.contains(name) ? values().get(name) : null;
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
