package dev.pbimcp.entra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;

/**
 * Entra ID where it matters to pbimcp, over HTTPS on loopback (MSAL4J refuses plain HTTP): OIDC
 * discovery without {@code code_challenge_methods_supported}, a JWKS with rotation, authorize
 * (signs the test user in at once, PKCE, AADSTS9010010 for a {@code resource} that is not the
 * scopes' owner), and the token endpoint ({@link EntraGrants}). The JWKS is also on a plain-HTTP
 * port, for Liberty, which would otherwise need the certificate in its own truststore.
 */
public final class EntraStandIn implements AutoCloseable {
  public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private final Tls tls;
  private final HttpsServer https;
  private final HttpServer plain;
  final EntraKeys keys = new EntraKeys();
  final String clientId;
  final String secret;
  final EntraGrants grants;

  /** The Web-platform redirect URIs registered for the app (Entra refuses any other). */
  public final List<String> redirectUris = new CopyOnWriteArrayList<>();

  /** Every authorize request's parameters, for assertions (resource dropped, scopes mapped). */
  public final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();

  public EntraStandIn(String clientId, String secret) throws Exception {
    this.clientId = clientId;
    this.secret = secret;
    this.tls = new Tls();
    this.grants = new EntraGrants(this);
    https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls.context));
    String t = "/" + TENANT;
    https.createContext(t + "/v2.0/.well-known/openid-configuration", this::discovery);
    https.createContext(t + "/discovery/v2.0/keys", this::keys);
    https.createContext(t + "/oauth2/v2.0/authorize", this::authorize);
    https.createContext(t + "/oauth2/v2.0/token", grants::token);
    https.start();
    plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    plain.createContext("/keys", this::keys);
    plain.start();
  }

  /** The authority (PBIMCP_ENTRA_AUTHORITY), the v2 endpoint base. */
  public String authority() {
    return base() + "/v2.0";
  }

  private String base() {
    return "https://127.0.0.1:" + https.getAddress().getPort() + "/" + TENANT;
  }

  /** The JWKS over plain HTTP (mp.jwt.verify.publickey.location). */
  public String jwksUrl() {
    return "http://127.0.0.1:" + plain.getAddress().getPort() + "/keys";
  }

  /** The PKCS12 file (password changeit) a server can trust this stand-in with. */
  public Path keystore() {
    return tls.keystore;
  }

  public SSLSocketFactory trust() {
    return tls.context.getSocketFactory();
  }

  /** A TLS context that trusts this stand-in, for test HTTP clients. */
  public javax.net.ssl.SSLContext tlsContext() {
    return tls.context;
  }

  /** The certificate in PEM (NODE_EXTRA_CA_CERTS for Node clients). */
  public Path certificatePem() {
    return tls.pem;
  }

  /**
   * Serves a JSON document at {@code path} over this HTTPS listener: a client ID metadata document
   * lives on its client's site, and this is the one HTTPS site the tests have. Returns its URL.
   */
  public String publish(String path, String json) {
    https.createContext(path, x -> send(x, 200, "application/json", json));
    return "https://127.0.0.1:" + https.getAddress().getPort() + path;
  }

  /** The URL {@link #publish} would give {@code path}. */
  public String urlOf(String path) {
    return "https://127.0.0.1:" + https.getAddress().getPort() + path;
  }

  /** Publishes a new signing key; the old one stays in the JWKS. */
  public void rotateKeys() {
    keys.rotate();
  }

  public EntraGrants grants() {
    return grants;
  }

  private void discovery(HttpExchange x) throws IOException {
    send(x, 200, "application/json", discoveryJson());
  }

  /**
   * The OpenID configuration, as Entra's: no code_challenge_methods_supported, no
   * registration_endpoint. The issuer is the authority, as MSAL4J checks, and so is the tokens'
   * (the server derives it from the authority, as for a sovereign cloud).
   */
  String discoveryJson() {
    return "{\"issuer\":\""
        + authority()
        + "\",\"token_endpoint\":\""
        + base()
        + "/oauth2/v2.0/token\",\"authorization_endpoint\":\""
        + base()
        + "/oauth2/v2.0/authorize\",\"jwks_uri\":\""
        + base()
        + "/discovery/v2.0/keys\",\"response_types_supported\":[\"code\",\"id_token\"]}";
  }

  private void keys(HttpExchange x) throws IOException {
    send(x, 200, "application/json", keys.jwks());
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = form(x.getRequestURI().getRawQuery());
    authorizeRequests.add(q);
    if (!clientId.equals(q.get("client_id"))) {
      send(x, 400, "text/html", "AADSTS700016: Application with identifier was not found.");
      return;
    }
    String redirect = q.get("redirect_uri");
    if (!redirectUris.contains(redirect)) {
      send(
          x,
          400,
          "text/html",
          "AADSTS50011: The redirect URI specified in the request does not match the redirect URIs"
              + " configured for the application.");
      return;
    }
    String scope = q.getOrDefault("scope", "");
    String resource = q.get("resource");
    if (resource != null && !resource.equals("api://" + clientId)) {
      // Entra accepts resource only when it byte-matches an identifier URI of the scopes' owner.
      redirect(
          x,
          redirect,
          "error=invalid_request&error_description="
              + enc(
                  "AADSTS9010010: The resource parameter provided in the request doesn't match"
                      + " with the requested scopes.")
              + "&state="
              + enc(q.getOrDefault("state", "")));
      return;
    }
    String code =
        grants.issueCode(redirect, scope, q.get("code_challenge"), q.get("code_challenge_method"));
    redirect(
        x,
        redirect,
        "code=" + enc(code) + "&state=" + enc(q.getOrDefault("state", "")) + "&session_state=s1");
  }

  private static void redirect(HttpExchange x, String to, String query) throws IOException {
    x.getResponseHeaders().add("Location", to + (to.contains("?") ? "&" : "?") + query);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  static Map<String, String> form(String raw) {
    Map<String, String> form = new HashMap<>();
    if (raw == null) {
      return form;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void send(HttpExchange x, int status, String type, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Override
  public void close() {
    https.stop(0);
    plain.stop(0);
  }
}
