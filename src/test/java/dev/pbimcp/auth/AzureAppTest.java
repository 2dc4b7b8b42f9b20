package dev.pbimcp.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sign-in, MP JWT and the Power BI backend ask one rule whether Azure is configured. */
class AzureAppTest {
  @Test
  void bothIdsAndNeitherBlank() {
    assertTrue(AzureApp.configured("tenant", "client"));
    assertTrue(AzureApp.configured(Optional.of("tenant"), Optional.of("client")));
    assertFalse(AzureApp.configured("tenant", null));
    assertFalse(AzureApp.configured(" ", "client"), "a blank value is no value");
    assertFalse(AzureApp.configured(Optional.empty(), Optional.of("client")));
  }
}
