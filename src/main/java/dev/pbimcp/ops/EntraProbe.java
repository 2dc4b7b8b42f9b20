package dev.pbimcp.ops;

import dev.pbimcp.auth.AuthSettings;
import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's look at Entra ID: its OpenID configuration and signing keys can be read from here,
 * and this machine's clock agrees with Entra's (tokens are checked against it).
 */
final class EntraProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String DISCOVERY = "entra-discovery";
  private static final String CLOCK = "clock";

  private EntraProbe() {}

  static List<Check> run(AuthSettings auth, HttpClient http) {
    List<Check> checks = new ArrayList<>();
    String url = auth.entra().v2() + "/.well-known/openid-configuration";
    String title = "Entra ID's sign-in configuration and keys";
    HttpResponse<String> config;
    try {
      config = get(http, url);
    } catch (IOException e) {
      checks.add(
          Check.fail(
              DISCOVERY,
              title,
              "Entra ID's OpenID configuration could not be read from this server.",
              "Allow outbound HTTPS from this server to Entra ID (login.microsoftonline.com, or"
                  + " PBIMCP_ENTRA_AUTHORITY's host), and check AZURE_TENANT_ID."));
      checks.add(Check.skip(CLOCK, "Clock", "Entra ID did not answer, so its time is unknown."));
      return checks;
    }
    checks.add(discovery(http, config, title));
    checks.add(clock(config));
    return checks;
  }

  private static Check discovery(HttpClient http, HttpResponse<String> config, String title) {
    JsonObject doc = Jsonp.objectOrEmpty(config.body());
    if (config.statusCode() != 200 || !doc.containsKey("jwks_uri")) {
      return Check.fail(
          DISCOVERY,
          title,
          "Entra ID answered HTTP " + config.statusCode() + " instead of its OpenID configuration.",
          "Check AZURE_TENANT_ID (a tenant id or domain) and PBIMCP_ENTRA_AUTHORITY.");
    }
    try {
      JsonObject keys = Jsonp.objectOrEmpty(get(http, doc.getString("jwks_uri")).body());
      if (keys.get("keys") instanceof jakarta.json.JsonArray a && !a.isEmpty()) {
        return Check.pass(
            DISCOVERY, title, "Read, with " + a.size() + " signing keys to check tokens against.");
      }
    } catch (IOException | ClassCastException e) {
      // reported below
    }
    return Check.fail(
        DISCOVERY,
        title,
        "Entra ID's signing keys could not be read, so no token can be checked.",
        "Allow outbound HTTPS to Entra ID's key address (jwks_uri) from this server.");
  }

  /** Entra's Date header against this clock: tokens expire by it, and skew beyond 2 min fails. */
  static Check clock(HttpResponse<String> response) {
    String date = response.headers().firstValue("Date").orElse(null);
    if (date == null) {
      return Check.skip(CLOCK, "Clock", "Entra ID's answer carried no Date header.");
    }
    Instant theirs;
    try {
      theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return Check.skip(CLOCK, "Clock", "Entra ID's Date header could not be read.");
    }
    long skew = Math.abs(Duration.between(theirs, Instant.now()).toSeconds());
    if (skew > 120) {
      return Check.fail(
          CLOCK,
          "Clock",
          "This server's clock is " + skew + " s away from Entra ID's.",
          "Synchronise the clock (NTP): tokens are refused beyond 2 minutes of skew.");
    }
    return Check.pass(CLOCK, "Clock", "Within " + Math.max(1, skew) + " s of Entra ID's.");
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL", e);
    }
  }
}
