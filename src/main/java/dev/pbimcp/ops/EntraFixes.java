package dev.pbimcp.ops;

import dev.pbimcp.powerbi.PowerBiException;
import java.util.Set;

/** What Entra ID's and Power BI's refusals mean for an administrator: the fix in one sentence. */
final class EntraFixes {
  private EntraFixes() {}

  static Check forSecret(String title, PowerBiException e) {
    String message = e.getMessage();
    String fix;
    if (e.kind() == PowerBiException.Kind.UNAVAILABLE
        || e.kind() == PowerBiException.Kind.TIMEOUT) {
      fix = "Entra ID could not be reached from this server: see Entra ID's check above.";
    } else if (message.contains("AADSTS7000215") || message.contains("AADSTS7000222")) {
      fix =
          "AZURE_CLIENT_SECRET is wrong or has expired: add a new client secret under the app's"
              + " Certificates & secrets and set its value (not its id).";
    } else if (message.contains("AADSTS700016")) {
      fix = "No app has AZURE_CLIENT_ID in this tenant: check AZURE_CLIENT_ID and AZURE_TENANT_ID.";
    } else if (message.contains("AADSTS90002") || message.contains("AADSTS900023")) {
      fix = "AZURE_TENANT_ID names no tenant: use the directory (tenant) id of the app.";
    } else {
      fix = "Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET against the app.";
    }
    // Entra's refusals name a code; anything else (no answer) could quote an internal address.
    String detail =
        message.contains("AADSTS")
            ? message.substring(message.indexOf("AADSTS")).lines().findFirst().orElse("")
            : "Entra ID gave the app no token: it could not be reached or did not answer.";
    return Check.fail("client-secret", title, detail, fix);
  }

  static Check forPowerBi(String title, PowerBiException e) {
    String fix =
        switch (e.kind()) {
          case UNAUTHORIZED ->
              "In the Power BI admin portal's tenant settings, enable Service principals can use"
                  + " Fabric APIs for a group that holds this app.";
          case FORBIDDEN ->
              "Add the app to the workspaces it should see (Manage access › Member or Viewer), and"
                  + " grant the delegated Power BI permissions with admin consent.";
          case THROTTLED -> "Power BI is throttling this tenant: wait, then look again.";
          default -> "Power BI did not answer as it should: look again shortly.";
        };
    return Check.fail("power-bi", title, firstSentence(e.getMessage()), fix);
  }

  static String forCodes(Set<String> codes) {
    if (codes.contains("AADSTS50011") || codes.contains("AADSTS500112")) {
      return "Register PBIMCP_PUBLIC_URL + /oauth/callback as a Web redirect URI of the app.";
    }
    if (codes.contains("AADSTS7000218") || codes.contains("AADSTS7000215")) {
      return "The app needs a valid client secret (AZURE_CLIENT_SECRET) and a Web platform, not"
          + " Mobile and desktop.";
    }
    if (codes.contains("AADSTS65001")) {
      return "Grant admin consent for the app's delegated Power BI permissions.";
    }
    if (codes.contains("AADSTS9010010")) {
      return "Clients must sign in through this server's /oauth endpoints, not Entra ID's directly.";
    }
    return "Look the codes up in Entra ID's sign-in logs for the app.";
  }

  private static String firstSentence(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
