package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PBIMCP_LOG_FORMAT=json: once the configuration is read, every line of the log is a JSON object,
 * the audit line among them with its own JSON unchanged as the message.
 */
@ExtendWith(ArquillianExtension.class)
class LogFormatIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  @Test
  void jsonLinesWithTheAuditLineUnchanged() throws Exception {
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-json-log",
                Ports.second(),
                "json-log-session-key-0123456789abcdefgh",
                Map.of("PBIMCP_LOG_FORMAT", "json"))
            .start()) {
      McpHttp client = McpHttp.on(server.port());
      client.initialize();
      client.callTool("get_powerbi_status", JsonValue.EMPTY_JSON_OBJECT);
      String audit = null;
      for (int i = 0; i < 40 && audit == null; i++) {
        Thread.sleep(250);
        List<String> lines = Files.readAllLines(server.log());
        // Liberty's launch lines come before server.xml is read; from its first JSON line on,
        // every line is JSON.
        boolean json = false;
        for (String line : lines) {
          json |= line.startsWith("{");
          if (!json || line.isBlank()) {
            continue;
          }
          JsonObject o = Json.createReader(new StringReader(line)).readObject();
          String message = o.getString("message", "");
          if (message.contains("\"event\":\"tool_call\"")) {
            audit = message;
          }
        }
      }
      assertTrue(audit != null, "the audit line, as a JSON log record");
      JsonObject line = Json.createReader(new StringReader(audit)).readObject();
      assertTrue(line.getString("tool").equals("get_powerbi_status"), audit);
    }
  }
}
