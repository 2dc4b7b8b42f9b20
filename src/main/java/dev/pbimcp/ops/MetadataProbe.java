package dev.pbimcp.ops;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads this server's own sign-in metadata over HTTP, as a client would, and checks that the two
 * documents agree: the protected resource names this server's MCP address and an authorization
 * server whose metadata has that issuer and PKCE with S256. Clients refuse a server whose documents
 * disagree, after a sign-in that seemed to work.
 */
final class MetadataProbe {
  private static final String ID = "metadata";
  private static final String TITLE = "Sign-in metadata (RFC 9728 and RFC 8414)";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String host;
  private final int port;

  MetadataProbe(String httpHost, int port) {
    this.host = reachable(httpHost);
    this.port = port;
  }

  /**
   * Where this server answers itself: its own address when it listens on one, else loopback (for
   * every interface, {@code *}, or loopback itself). IPv6 addresses in brackets.
   */
  static String reachable(String httpHost) {
    String h = httpHost == null ? "" : httpHost.strip();
    if (h.isEmpty() || h.equals("*") || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
      return "127.0.0.1";
    }
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  Check check(Optional<String> publicUrl) {
    JsonObject resource;
    JsonObject server;
    try {
      resource = get("/.well-known/oauth-protected-resource/mcp");
      server = get("/.well-known/oauth-authorization-server");
    } catch (IOException e) {
      return Check.fail(
          ID,
          TITLE,
          "This server's metadata could not be read from itself.",
          "See the server's log: its metadata endpoints do not answer.");
    }
    String issuer = server.getString("issuer", "");
    JsonArray servers =
        resource.get("authorization_servers") instanceof JsonArray a
            ? a
            : JsonArray.EMPTY_JSON_ARRAY;
    if (servers.stream()
        .noneMatch(v -> v instanceof JsonString s && s.getString().equals(issuer))) {
      return Check.fail(
          ID,
          TITLE,
          "The protected-resource metadata names "
              + servers
              + ", the authorization server "
              + issuer,
          "Set PBIMCP_PUBLIC_URL so that both documents derive from one address.");
    }
    String mcp = resource.getString("resource", "");
    if (publicUrl.isPresent() && !mcp.equals(publicUrl.get() + "/mcp")) {
      return Check.fail(
          ID,
          TITLE,
          "The resource is " + mcp + ", not " + publicUrl.get() + "/mcp.",
          "Set PBIMCP_PUBLIC_URL to the address Claude uses, without a path.");
    }
    JsonArray pkce =
        server.get("code_challenge_methods_supported") instanceof JsonArray a
            ? a
            : JsonArray.EMPTY_JSON_ARRAY;
    if (pkce.stream().noneMatch(v -> v instanceof JsonString s && s.getString().equals("S256"))) {
      return Check.fail(
          ID,
          TITLE,
          "The authorization server does not offer PKCE with S256.",
          "Report this: the server's OAuth façade must publish code_challenge_methods_supported.");
    }
    return Check.pass(ID, TITLE, "They agree: resource " + mcp + ", issuer " + issuer + ".");
  }

  private JsonObject get(String path) throws IOException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode());
      }
      return Jsonp.objectOrEmpty(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
