package dev.pbimcp.http;

import dev.pbimcp.mcp.McpConfig;
import dev.pbimcp.registry.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says where to point an MCP client once the server is up. */
@ApplicationScoped
public class StartupBanner {
  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  private final String host;
  private final int port;
  private final Registry registry;
  private final McpConfig mcp;
  private final HttpSettings http;

  @Inject
  public StartupBanner(
      @ConfigProperty(name = "http.host", defaultValue = "127.0.0.1") String host,
      @ConfigProperty(name = "http.port", defaultValue = "9080") int port,
      Registry registry,
      McpConfig mcp,
      HttpSettings http) {
    this.http = http;
    this.host = host;
    this.port = port;
    this.registry = registry;
    this.mcp = mcp;
  }

  /** For CDI's proxy. */
  protected StartupBanner() {
    this("127.0.0.1", 9080, null, null, null);
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Reading the settings first: an invalid one stops the start here, before any "ready".
    boolean randomKey = mcp.sessionKey().isEmpty();
    http.maxOpenStreams();
    int tools = registry.tools().size();
    String shown = "*".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
    LOG.info(
        "pbimcp is ready: MCP endpoint http://"
            + shown
            + ":"
            + port
            + "/mcp ("
            + tools
            + " tools)");
    if (randomKey) {
      LOG.warning(
          "PBIMCP_SESSION_KEY is not set: sessions, sign-ins in progress and multi round-trip"
              + " requests end when this server restarts and cannot move between instances. Set"
              + " the same key (32+ characters) on every instance.");
    }
  }
}
