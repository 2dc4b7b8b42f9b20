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
 * Reads the sign-in metadata where Claude reads it, at PBIMCP_PUBLIC_URL, and checks that the two
 * documents agree: the protected resource names the public MCP address and an authorization server
 * whose metadata has that issuer and PKCE with S256. A proxy in front may route {@code
 * /.well-known/} elsewhere or serve documents of its own; clients then refuse the server after a
 * sign-in that seemed to work. When the public address cannot be reached from inside (no hairpin
 * route), this server's own documents are read instead, and the detail says so.
 */
final class MetadataProbe {
  private static final String ID = "metadata";
  private static final String TITLE = "Sign-in metadata (RFC 9728 and RFC 8414)";
  private static final String RESOURCE = "/.well-known/oauth-protected-resource/mcp";
  private static final String SERVER = "/.well-known/oauth-authorization-server";

  private final HttpClient http;
  private final String self;

  MetadataProbe(String httpHost, int port, HttpClient http) {
    this.self = "http://" + reachable(httpHost) + ":" + port;
    this.http = http;
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

  /** The documents read, and where: through the public address, or from this server itself. */
  private record Documents(JsonObject resource, JsonObject server, boolean public_) {}

  /** A document answered with something other than 200: the status, and the path asked. */
  private static final class Refused extends IOException {
    final int status;
    final String path;

    Refused(int status, String path) {
      super("HTTP " + status);
      this.status = status;
      this.path = path;
    }
  }

  Check check(Optional<String> publicUrl) {
    Documents docs;
    try {
      docs = read(publicUrl);
    } catch (Refused r) {
      return Check.fail(
          ID,
          TITLE,
          publicUrl.orElse("This server") + " answers " + r.status + " for " + r.path + ".",
          publicUrl.isPresent()
              ? "Let the proxy in front pass every /.well-known/ path to this server unchanged."
              : "See the server's log: its metadata endpoints do not answer.");
    } catch (IOException e) {
      return Check.fail(
          ID,
          TITLE,
          "This server's metadata could not be read from itself.",
          "See the server's log: its metadata endpoints do not answer.");
    }
    String fix =
        docs.public_()
            ? "Let the proxy in front pass /.well-known/ requests to this server unchanged (no"
                + " cached or hand-written documents), and set PBIMCP_PUBLIC_URL to the address"
                + " Claude uses."
            : "Set PBIMCP_PUBLIC_URL so that both documents derive from one address.";
    String issuer = docs.server().getString("issuer", "");
    JsonArray servers = array(docs.resource(), "authorization_servers");
    if (servers.stream()
        .noneMatch(v -> v instanceof JsonString s && s.getString().equals(issuer))) {
      return Check.fail(
          ID,
          TITLE,
          "The protected-resource metadata names "
              + servers
              + " as its authorization server, the authorization server's metadata "
              + issuer
              + ".",
          fix);
    }
    String mcp = docs.resource().getString("resource", "");
    if (publicUrl.isPresent() && !mcp.equals(publicUrl.get() + "/mcp")) {
      return Check.fail(
          ID, TITLE, "The resource is " + mcp + ", not " + publicUrl.get() + "/mcp.", fix);
    }
    if (array(docs.server(), "code_challenge_methods_supported").stream()
        .noneMatch(v -> v instanceof JsonString s && s.getString().equals("S256"))) {
      return Check.fail(
          ID,
          TITLE,
          "The authorization server does not offer PKCE with S256.",
          docs.public_()
              ? fix
              : "Report this: the server's OAuth façade must publish"
                  + " code_challenge_methods_supported.");
    }
    return Check.pass(
        ID,
        TITLE,
        "They agree: resource "
            + mcp
            + ", issuer "
            + issuer
            + (docs.public_()
                ? ", as read at the public address."
                : publicUrl.isPresent()
                    ? ". Read from this server itself: the public address cannot be reached from"
                        + " inside."
                    : "."));
  }

  /** Through the public address when it answers at all, else from this server itself. */
  private Documents read(Optional<String> publicUrl) throws IOException {
    if (publicUrl.isPresent()) {
      JsonObject resource = null;
      try {
        resource = get(publicUrl.get(), RESOURCE);
      } catch (Refused r) {
        throw r;
      } catch (IOException unreachable) {
        // No route from inside to the public address: this server's own documents are next best.
      }
      if (resource != null) {
        return new Documents(resource, get(publicUrl.get(), SERVER), true);
      }
    }
    return new Documents(get(self, RESOURCE), get(self, SERVER), false);
  }

  private JsonObject get(String base, String path) throws IOException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new Refused(r.statusCode(), path);
      }
      return Jsonp.objectOrEmpty(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("not an address", e);
    }
  }

  private static JsonArray array(JsonObject o, String name) {
    return o.get(name) instanceof JsonArray a ? a : JsonArray.EMPTY_JSON_ARRAY;
  }
}
