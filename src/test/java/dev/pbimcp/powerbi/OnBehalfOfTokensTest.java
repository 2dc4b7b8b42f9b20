package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.AtOnce;
import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.entra.EntraStandIn;
import org.junit.jupiter.api.Test;

/** The real MSAL4J On-Behalf-Of exchange against an Entra-like endpoint over HTTPS. */
class OnBehalfOfTokensTest {
  private static final String CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @Test
  void exchangesEachUsersTokenForAPowerBiTokenAndCachesPerUser() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      var tokens = new OnBehalfOfTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      Caller alice = new Caller("alice-oid", "Alice", "alice-user-token");
      Caller bob = new Caller("bob-oid", "Bob", "bob-user-token");
      assertEquals("obo-for-alice-user-token", CallerContext.as(alice, tokens::accessToken));
      assertEquals("on_behalf_of", entra.grants().lastForm.get("requested_token_use"));
      assertTrue(
          entra
              .grants()
              .lastForm
              .get("scope")
              .contains("https://analysis.windows.net/powerbi/api/.default"));
      assertEquals(
          "obo-for-alice-user-token", CallerContext.as(alice, tokens::accessToken), "cached");
      assertEquals(1, entra.grants().tokenRequests.get());
      assertEquals("obo-for-bob-user-token", CallerContext.as(bob, tokens::accessToken));
      assertEquals(2, entra.grants().tokenRequests.get(), "another user, another exchange");
      assertFalse(alice.toString().contains("alice-user-token"), "a caller never prints its token");
    }
  }

  /** A user's parallel calls on a token not yet exchanged: one exchange, shared. */
  @Test
  void callersWithTheSameTokenAtOnceShareOneExchange() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      entra.grants().tokenDelayMillis = 500; // every caller asks while the first exchange runs
      var tokens = new OnBehalfOfTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      Caller alice = new Caller("alice-oid", "Alice", "alice-user-token");
      assertEquals(
          java.util.Collections.nCopies(8, "obo-for-alice-user-token"),
          AtOnce.answers(8, () -> CallerContext.as(alice, tokens::accessToken)));
      assertEquals(1, entra.grants().tokenRequests.get(), "one exchange for all");
    }
  }

  @Test
  void missingConsentSaysWhatAnAdministratorMustGrant() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      var tokens = new OnBehalfOfTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      PowerBiException e =
          assertThrows(
              PowerBiException.class,
              () ->
                  CallerContext.as(
                      new Caller("carol", null, "needs-consent"), tokens::accessToken));
      assertTrue(
          e.getMessage().contains("AADSTS65001") && e.getMessage().contains("admin consent"),
          e.getMessage());
    }
  }

  @Test
  void withoutASignedInUserThereIsNoToken() throws Exception {
    try (EntraStandIn entra = new EntraStandIn(CLIENT, "s3cret")) {
      var tokens = new OnBehalfOfTokens(entra.authority(), CLIENT, "s3cret", entra.trust());
      PowerBiException e = assertThrows(PowerBiException.class, tokens::accessToken);
      assertEquals(PowerBiException.Kind.UNAUTHORIZED, e.kind());
      assertEquals(0, entra.grants().tokenRequests.get());
    }
  }
}
