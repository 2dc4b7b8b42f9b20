package dev.pbimcp.it;

import dev.pbimcp.Scratch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A further Liberty server in the same runtime as the Arquillian one, with the product WAR, its own
 * port and a session key of the test's choosing: a second instance behind a load balancer.
 */
public final class ExtraServer implements AutoCloseable {
  private final Path wlp = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"));
  private final String name;
  private final int port;

  ExtraServer(String name, int port, String sessionKey) throws IOException {
    this(name, port, sessionKey, java.util.Map.of());
  }

  /** With further Liberty variables, e.g. {@code pbimcp.read-only=false}. */
  ExtraServer(String name, int port, String sessionKey, java.util.Map<String, String> variables)
      throws IOException {
    this(
        name,
        port,
        sessionKey,
        variables,
        Path.of(System.getProperty("war.path", "target/pbimcp.war")));
  }

  /** With an application archive of the test's choosing. */
  public ExtraServer(
      String name, int port, String sessionKey, java.util.Map<String, String> variables, Path war)
      throws IOException {
    this.name = name;
    this.port = port;
    Path dir = wlp.resolve("usr/servers").resolve(name);
    Path template = wlp.resolve("usr/servers/pbimcp-it");
    // A fresh directory each time: stale keystores or logs from an earlier run would mislead.
    Scratch.remove(dir);
    Files.createDirectories(dir.resolve("apps"));
    Files.createDirectories(dir.resolve("configDropins/overrides"));
    // Arquillian deploys its test application into the template's server.xml (deployType xml, for
    // the class loader's API visibility): the copy serves the product alone.
    Files.writeString(
        dir.resolve("server.xml"),
        Files.readString(template.resolve("server.xml"))
            .replaceAll("(?s)<application id=\"pbimcp-it\".*?</application>", ""));
    Files.copy(war, dir.resolve("apps/pbimcp.war"), StandardCopyOption.REPLACE_EXISTING);
    // Upper-case names are environment variables (server.env), the rest Liberty variables.
    // The template's server.env holds the keystore password Liberty's security service needs.
    Path templateEnv = template.resolve("server.env");
    String inherited = Files.exists(templateEnv) ? Files.readString(templateEnv) + "\n" : "";
    Files.writeString(
        dir.resolve("server.env"),
        inherited
            + variables.entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Z0-9_]+"))
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(java.util.stream.Collectors.joining()));
    Files.writeString(
        dir.resolve("configDropins/overrides/instance.xml"),
        "<server><variable name=\"http.port\" value=\""
            + port
            + "\"/>"
            // No key: the server makes a random one of its own, as one left unconfigured does.
            + (sessionKey == null
                ? ""
                : "<variable name=\"pbimcp.session.key\" value=\"" + sessionKey + "\"/>")
            + variables.entrySet().stream()
                .filter(e -> !e.getKey().matches("[A-Z0-9_]+"))
                .map(e -> "<variable name=\"" + e.getKey() + "\" value=\"" + e.getValue() + "\"/>")
                .collect(java.util.stream.Collectors.joining())
            + "</server>");
  }

  public int port() {
    return port;
  }

  /** Another application beside pbimcp, served at /{name} (Liberty's dropins); before start. */
  public ExtraServer withDropin(String name, Path war) throws IOException {
    Path dropins = wlp.resolve("usr/servers").resolve(this.name).resolve("dropins");
    Files.createDirectories(dropins);
    Files.copy(war, dropins.resolve(name + ".war"), StandardCopyOption.REPLACE_EXISTING);
    return this;
  }

  /** The server's process id, from the pid file Liberty's start script writes. */
  public long pid() throws IOException {
    return Long.parseLong(
        Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).strip());
  }

  /** The server's messages.log. */
  Path log() {
    return wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
  }

  public ExtraServer start() throws Exception {
    run("start");
    try {
      awaitReady();
    } catch (Exception | Error e) {
      // Never leave a server behind holding the port for the next test.
      stop();
      throw e;
    }
    return this;
  }

  /**
   * Starts the server and returns its log once the application has started or failed to (for
   * settings that must stop it).
   */
  String startAndReadLog() throws Exception {
    run("start");
    Path log = wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      // Started, failed with an exception, or not started.
      if (text.contains("CWWKZ0001I")
          || text.contains("CWWKZ0002E")
          || text.contains("CWWKZ0012I")) {
        return text;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("server " + name + " neither started nor failed in time");
  }

  void stop() throws Exception {
    run("stop");
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private void run(String action) throws Exception {
    Process p =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("server " + action + " " + name + " did not finish");
    }
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not become ready on port " + port);
  }
}
