package dev.pbimcp.oauth;

import dev.pbimcp.auth.OutboundTls;
import dev.pbimcp.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client ID metadata documents: a client whose id is an HTTPS URL publishes its name and redirect
 * URIs there. Fetching a URL a stranger chose is a server-side request forgery risk, so only HTTPS
 * on public addresses is fetched, without redirects, within 5 s and 5 KB; documents are cached.
 */
@ApplicationScoped
public class MetadataDocuments {
  private static final int MAX_BYTES = 5 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CACHE = Duration.ofMinutes(5);
  private static final int CACHE_ENTRIES = 256;

  private final OAuthSettings settings;
  private final HttpClient http;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Clients.Result result, Instant until) {}

  @Inject
  public MetadataDocuments(OAuthSettings settings, OutboundTls tls) {
    this.settings = settings;
    this.http = tls == null ? null : tls.httpClient(TIMEOUT);
  }

  /** For CDI's proxy. */
  protected MetadataDocuments() {
    this(null, null);
  }

  Clients.Result client(String url) {
    Cached c = cache.get(url);
    if (c != null && c.until().isAfter(Instant.now())) {
      return c.result();
    }
    Clients.Result result = fetch(url);
    if (cache.size() >= CACHE_ENTRIES) {
      cache.clear();
    }
    cache.put(url, new Cached(result, Instant.now().plus(CACHE)));
    return result;
  }

  private Clients.Result fetch(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Clients.Result.refused("The client_id is not a valid URL.");
    }
    if (!"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null
        || uri.getRawPath() == null
        || uri.getRawPath().length() < 2) {
      return Clients.Result.refused(
          "A URL client_id must be an https URL with a path and no fragment.");
    }
    if (!settings.privateMetadataHosts() && !publicHost(uri.getHost())) {
      return Clients.Result.refused(
          "The client metadata document's host is not on a public address, so it is not fetched.");
    }
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BYTES + 1);
      }
      if (response.statusCode() != 200) {
        return Clients.Result.refused(
            "The client metadata document answered HTTP " + response.statusCode() + ".");
      }
      if (body.length > MAX_BYTES) {
        return Clients.Result.refused("The client metadata document is larger than 5 KB.");
      }
      return parse(url, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Clients.Result.refused("The client metadata document could not be fetched.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Clients.Result.refused("The client metadata document could not be fetched.");
    }
  }

  private static Clients.Result parse(String url, String body) {
    try {
      JsonObject doc = Jsonp.createReader(new StringReader(body)).readObject();
      if (!url.equals(doc.getString("client_id", null))) {
        return Clients.Result.refused(
            "The client metadata document's client_id is not the URL it was fetched from.");
      }
      JsonValue uris = doc.get("redirect_uris");
      if (uris == null || uris.getValueType() != JsonValue.ValueType.ARRAY) {
        return Clients.Result.refused("The client metadata document has no redirect_uris.");
      }
      List<String> redirects =
          uris.asJsonArray().stream()
              .filter(v -> v instanceof JsonString)
              .map(v -> ((JsonString) v).getString())
              .toList();
      return Clients.Result.of(
          new Client(
              url,
              doc.getString("client_name", URI.create(url).getHost()),
              Client.Kind.METADATA_DOCUMENT,
              redirects));
    } catch (JsonException | ClassCastException e) {
      return Clients.Result.refused("The client metadata document is not a JSON object.");
    }
  }

  /** True when every address the name resolves to is a public unicast address. */
  static boolean publicHost(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        boolean sharedSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        if (a.isAnyLocalAddress()
            || a.isLoopbackAddress()
            || a.isLinkLocalAddress()
            || a.isSiteLocalAddress()
            || a.isMulticastAddress()
            || uniqueLocal
            || sharedSpace) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
