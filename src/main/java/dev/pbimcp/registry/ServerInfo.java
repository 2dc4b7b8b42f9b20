package dev.pbimcp.registry;

import dev.pbimcp.cdi.Unproxied;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/** What this server is: its name and build version, and when it started. */
@Unproxied
public class ServerInfo {
  public static final String NAME = "pbimcp";
  public static final String TITLE = "Power BI MCP server";

  private final String version;
  private final Instant started = Instant.now();

  public ServerInfo() {
    Properties p = new Properties();
    try (InputStream in = ServerInfo.class.getResourceAsStream("/pbimcp-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // An unreadable build file only costs the version string.
    }
    this.version = p.getProperty("version", "unknown");
  }

  public String version() {
    return version;
  }

  public Duration uptime() {
    return Duration.between(started, Instant.now());
  }
}
