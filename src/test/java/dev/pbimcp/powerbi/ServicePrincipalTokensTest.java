package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.AtOnce;
import dev.pbimcp.entra.EntraStandIn;
import org.junit.jupiter.api.Test;

/** The real MSAL4J client-credentials code against an Entra-like endpoint over HTTPS. */
class ServicePrincipalTokensTest {
  private static final String CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @Test
  void getsAPowerBiTokenAndCachesIt() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      var tokens = new ServicePrincipalTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      assertEquals("sp-token-1", tokens.accessToken());
      assertTrue(
          entra
              .grants()
              .lastForm
              .get("scope")
              .contains("https://analysis.windows.net/powerbi/api/.default"));
      assertEquals("sp-token-1", tokens.accessToken(), "served from MSAL's cache");
      assertEquals(1, entra.grants().tokenRequests.get());
    }
  }

  /** A fresh server's first calls, all at once: one exchange, shared. */
  @Test
  void callersAtOnceShareOneExchange() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      entra.grants().tokenDelayMillis = 500; // every caller asks while the first exchange runs
      var tokens = new ServicePrincipalTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      assertEquals(
          java.util.Collections.nCopies(8, "sp-token-1"), AtOnce.answers(8, tokens::accessToken));
      assertEquals(1, entra.grants().tokenRequests.get(), "one exchange for all");
    }
  }

  @Test
  void aRejectedSecretSaysWhichSettingsToCheck() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      var tokens = new ServicePrincipalTokens(entra.authority(), CLIENT, "wrong", entra.trust());
      PowerBiException e = assertThrows(PowerBiException.class, tokens::accessToken);
      assertEquals(PowerBiException.Kind.UNAUTHORIZED, e.kind());
      assertTrue(
          e.getMessage().contains("AADSTS7000215")
              && e.getMessage().contains("AZURE_CLIENT_SECRET"),
          e.getMessage());
      assertTrue(!e.getMessage().contains("wrong"), "the secret never appears in a message");
    }
  }
}
