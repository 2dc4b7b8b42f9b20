package dev.pbimcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token validation follows PBIMCP_ENTRA_AUTHORITY, as sign-in and MSAL4J do (sovereign clouds). */
class EntraAuthorityTest {
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String CLIENT = "11111111-2222-3333-4444-555555555555";

  @Test
  void thePublicCloudIsTheDefault() {
    Map<String, String> jwt = EntraJwtConfigSource.derive(TENANT, CLIENT, null, false);
    assertEquals(
        "https://login.microsoftonline.com/" + TENANT + "/discovery/v2.0/keys",
        jwt.get("mp.jwt.verify.publickey.location"));
    assertEquals(
        "https://login.microsoftonline.com/" + TENANT + "/v2.0", jwt.get("mp.jwt.verify.issuer"));
    assertEquals(CLIENT + ",api://" + CLIENT, jwt.get("mp.jwt.verify.audiences"));
  }

  @Test
  void aSovereignAuthorityMovesTheKeysAndTheIssuer() {
    Map<String, String> gov =
        EntraJwtConfigSource.derive(
            TENANT, CLIENT, "https://login.microsoftonline.us/" + TENANT + "/v2.0/", false);
    assertEquals(
        "https://login.microsoftonline.us/" + TENANT + "/discovery/v2.0/keys",
        gov.get("mp.jwt.verify.publickey.location"));
    assertEquals(
        "https://login.microsoftonline.us/" + TENANT + "/v2.0", gov.get("mp.jwt.verify.issuer"));

    Map<String, String> china =
        EntraJwtConfigSource.derive(
            TENANT, CLIENT, "https://login.partner.microsoftonline.cn/" + TENANT, true);
    assertEquals(
        "https://login.partner.microsoftonline.cn/"
            + TENANT
            + "/v2.0,https://sts.chinacloudapi.cn/"
            + TENANT
            + "/",
        china.get("mp.jwt.verify.issuer"));
  }

  @Test
  void signInAndValidationShareTheAuthority() {
    EntraAuthority a = EntraAuthority.of("https://login.microsoftonline.us/" + TENANT, TENANT);
    assertEquals("https://login.microsoftonline.us/" + TENANT + "/v2.0", a.v2());
    assertEquals(
        "https://login.microsoftonline.us/" + TENANT + "/oauth2/v2.0/authorize",
        a.authorizeEndpoint());
    assertEquals(
        "https://login.microsoftonline.us/" + TENANT + "/oauth2/v2.0/token", a.tokenEndpoint());
    assertEquals("https://sts.windows.net/" + TENANT + "/", a.v1Issuer(TENANT));
  }

  @Test
  void withoutATenantNothingIsDerived() {
    assertTrue(EntraJwtConfigSource.derive(null, CLIENT, null, true).isEmpty());
    assertTrue(EntraJwtConfigSource.derive(" ", CLIENT, "https://x.example/t", true).isEmpty());
  }
}
