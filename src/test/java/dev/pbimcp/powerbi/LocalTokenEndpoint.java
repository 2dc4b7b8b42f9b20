package dev.pbimcp.powerbi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Entra-like token endpoint over HTTPS on loopback (MSAL4J refuses plain HTTP): OIDC discovery
 * and client-credentials grants, with a self-signed certificate made by keytool for this run.
 */
public final class LocalTokenEndpoint implements AutoCloseable {
  static final String TENANT = "11111111-2222-3333-4444-555555555555";

  private final HttpsServer server;
  private final Path keystore;
  private final SSLContext tls;
  public final AtomicInteger tokenRequests = new AtomicInteger();
  public volatile Map<String, String> lastForm = Map.of();

  public LocalTokenEndpoint(String clientId, String secret) throws Exception {
    Path dir = Files.createTempDirectory("pbimcp-tls");
    Path store = dir.resolve("tls.p12");
    this.keystore = store;
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "local",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=IP:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/" + TENANT + "/v2.0/.well-known/openid-configuration", this::discovery);
    server.createContext("/" + TENANT + "/oauth2/v2.0/token", x -> token(x, clientId, secret));
    server.start();
  }

  public String authority() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT + "/v2.0";
  }

  /** The PKCS12 file (password changeit) a server can trust this endpoint with. */
  public Path keystore() {
    return keystore;
  }

  SSLSocketFactory trust() {
    return tls.getSocketFactory();
  }

  private void discovery(HttpExchange x) throws IOException {
    String base = "https://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT;
    send(
        x,
        200,
        "{\"issuer\":\""
            + authority()
            + "\",\"token_endpoint\":\""
            + base
            + "/oauth2/v2.0/token\","
            + "\"authorization_endpoint\":\""
            + base
            + "/oauth2/v2.0/authorize\","
            + "\"jwks_uri\":\""
            + base
            + "/discovery/v2.0/keys\"}");
  }

  private void token(HttpExchange x, String clientId, String secret) throws IOException {
    tokenRequests.incrementAndGet();
    Map<String, String> form = new HashMap<>();
    for (String pair :
        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    lastForm = form;
    if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      onBehalfOf(x, form, clientId, secret);
      return;
    }
    if (!"client_credentials".equals(form.get("grant_type"))
        || !clientId.equals(form.get("client_id"))
        || !secret.equals(form.get("client_secret"))) {
      send(
          x,
          401,
          "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\","
              + "\"error_codes\":[7000215]}");
      return;
    }
    send(
        x,
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"sp-token-"
            + tokenRequests.get()
            + "\"}");
  }

  /** On-Behalf-Of: the user's assertion becomes a Power BI token; "needs-consent" is refused. */
  private static void onBehalfOf(
      HttpExchange x, Map<String, String> form, String clientId, String secret) throws IOException {
    String assertion = form.getOrDefault("assertion", "");
    if (!clientId.equals(form.get("client_id"))
        || !secret.equals(form.get("client_secret"))
        || !"on_behalf_of".equals(form.get("requested_token_use"))) {
      send(
          x,
          401,
          "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
    } else if (assertion.equals("needs-consent")) {
      send(
          x,
          400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS65001: The user or administrator has not"
              + " consented to use the application.\",\"suberror\":\"consent_required\"}");
    } else {
      send(
          x,
          200,
          "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"obo-for-"
              + assertion
              + "\"}");
    }
  }

  private static void send(HttpExchange x, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
