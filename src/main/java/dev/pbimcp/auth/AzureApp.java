package dev.pbimcp.auth;

import java.util.Optional;

/**
 * The one rule for "an Azure tenant is configured": AZURE_TENANT_ID and AZURE_CLIENT_ID both set
 * and not blank. It decides sign-in (Entra or none), MP JWT's derived settings and the Power BI
 * backend (the service or the built-in emulator), which must never disagree.
 */
public final class AzureApp {
  private AzureApp() {}

  public static boolean configured(String tenantId, String clientId) {
    return present(tenantId) && present(clientId);
  }

  public static boolean configured(Optional<String> tenantId, Optional<String> clientId) {
    return configured(tenantId.orElse(null), clientId.orElse(null));
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }
}
