package dev.pbimcp.it;

import dev.pbimcp.entra.EntraStandIn;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A server configured like a customer's (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET),
 * pointed at the Entra stand-in, plus an HTTP client that trusts the stand-in and never follows
 * redirects, so tests see every hop of a sign-in.
 */
final class OAuthRig implements AutoCloseable {
  static final String CLIENT = "6e0c6f4d-1c1b-4a43-9d2e-3b8f0a2d9c11";
  static final String SECRET = "api-secret-value-1234";
  static final String CLAUDE = "https://claude.ai/api/mcp/auth_callback";

  final String name;
  final EntraStandIn entra;
  final ExtraServer server;
  final String base;
  final HttpClient http;

  OAuthRig(String name) throws Exception {
    this(name, Map.of());
  }

  /** With settings of the test's own over the customer-like ones (a wrong secret, say). */
  OAuthRig(String name, Map<String, String> overrides) throws Exception {
    this(name, e -> overrides);
  }

  /** With settings that depend on the rig's Entra stand-in (an authority beside it, say). */
  OAuthRig(String name, ThrowingFunction overridesFor) throws Exception {
    this.name = name;
    entra = new EntraStandIn(CLIENT, SECRET);
    Map<String, String> overrides = overridesFor.apply(entra);
    int port = Ports.third();
    base = "http://127.0.0.1:" + port;
    entra.redirectUris.add(base + "/oauth/callback");
    Map<String, String> s = new HashMap<>();
    s.put("AZURE_TENANT_ID", EntraStandIn.TENANT);
    s.put("AZURE_CLIENT_ID", CLIENT);
    s.put("AZURE_CLIENT_SECRET", SECRET);
    s.put("mp.jwt.verify.publickey.location", entra.jwksUrl());
    s.put("pbimcp.entra.authority", entra.authority());
    s.put("pbimcp.entra.truststore", entra.keystore().toString());
    // No leeway, so a client sees its short-lived test token expire when it does.
    s.put("pbimcp.jwt.clock-skew", "0s");
    s.put("pbimcp.oauth.metadata-documents-on-private-addresses", "true");
    s.put("pbimcp.emulator.enabled", "true");
    s.put("PBIMCP_TRUST_FORWARDED_HEADERS", "true");
    s.put("PBIMCP_ENTRA_ACCEPT_V1_TOKENS", "true");
    s.put("pbimcp.powerbi.base-url", base + "/emulator/v1.0/myorg");
    s.putAll(overrides);
    // An empty session key in the overrides: the server has none configured.
    String key = s.remove("pbimcp.session.key");
    server =
        new ExtraServer(
                name,
                port,
                key == null
                    ? "oauth-test-session-key-0123456789abcdef"
                    : key.isEmpty() ? null : key,
                s)
            .start();
    http =
        HttpClient.newBuilder()
            .sslContext(entra.tlsContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Settings made from the stand-in, which may fail as a test's setup may. */
  interface ThrowingFunction {
    Map<String, String> apply(EntraStandIn entra) throws Exception;
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      entra.close();
    }
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String url, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<String> r) {
    return r.headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError(r.statusCode() + " without Location: " + r.body()));
  }

  static Map<String, String> query(String url) {
    Map<String, String> q = new HashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  static void add(StringBuilder b, String k, String v) {
    if (v != null) {
      b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
  }

  static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  String authorizeUrl(
      String client,
      String redirect,
      String challenge,
      String resource,
      String scope,
      String state) {
    StringBuilder b = new StringBuilder(base + "/oauth/authorize?response_type=code");
    add(b, "client_id", client);
    add(b, "redirect_uri", redirect);
    add(b, "code_challenge", challenge);
    add(b, "code_challenge_method", challenge == null ? null : "S256");
    add(b, "resource", resource);
    add(b, "scope", scope);
    add(b, "state", state);
    return b.toString();
  }

  HttpResponse<String> token(Map<String, String> form) throws Exception {
    StringBuilder b = new StringBuilder();
    form.forEach((k, v) -> add(b, k, v));
    return post(base + "/oauth/token", "application/x-www-form-urlencoded", b.substring(1));
  }

  HttpResponse<String> mcpInitialize(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", McpHttp.ACCEPT_BOTH)
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                        + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"oauth-it\",\"version\":\"1\"}}}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Runs the TypeScript SDK OAuth client script; returns its RESULT line. */
  jakarta.json.JsonObject sdkClient(Map<String, String> env, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(NodeTools.node());
    cmd.add(NodeTools.nodeDir().resolve("oauth-client.mjs").toString());
    cmd.add(base + "/mcp");
    cmd.addAll(java.util.List.of(args));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("NODE_EXTRA_CA_CERTS", entra.certificatePem().toString());
    NodeTools.Result r = NodeTools.run(cmd, 120, all);
    String line =
        r.output()
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no result: " + r.output()));
    if (r.exitCode() != 0) {
      throw new AssertionError(r.output());
    }
    return McpHttp.parse(line.substring(7));
  }
}
