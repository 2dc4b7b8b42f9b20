package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The setup page in a real browser (headless Chromium driven by playwright-core): it renders, the
 * copy button puts the connector URL on the clipboard, and the connection doctor shows a failing
 * client secret with its fix, then all green with the right secret. Screenshots go to
 * target/screenshots. Without a Chromium on the machine (PBIMCP_CHROMIUM, or the usual places) the
 * test says so and is skipped.
 */
@ExtendWith(ArquillianExtension.class)
class SetupPageBrowserIT {
  private static final Path SHOTS = Path.of("target/screenshots");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  private static String chromium() {
    String configured = System.getenv("PBIMCP_CHROMIUM");
    return Stream.concat(
            Stream.ofNullable(configured),
            Stream.of(
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"))
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst()
        .orElse(null);
  }

  private static JsonObject browse(OAuthRig rig, String shot) throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(
        chromium != null,
        "No Chromium here: install Debian's chromium package (or set PBIMCP_CHROMIUM) to run the"
            + " browser test.");
    Files.createDirectories(SHOTS);
    Path png = SHOTS.resolve(shot).toAbsolutePath();
    NodeTools.Result r =
        NodeTools.run(
            List.of(
                NodeTools.node(),
                NodeTools.nodeDir().resolve("setup-page.mjs").toString(),
                rig.base + "/",
                png.toString(),
                chromium),
            120);
    assertEquals(0, r.exitCode(), r.output());
    String out = r.output().strip();
    JsonObject page =
        Json.createReader(new StringReader(out.substring(out.lastIndexOf("\n{") + 1))).readObject();
    assertTrue(Files.size(png) > 10_000, "a screenshot of the page: " + png);
    assertEquals(200, page.getInt("status"));
    assertTrue(page.getString("contentType").startsWith("text/html"), page.toString());
    assertEquals("Power BI MCP server", page.getString("heading"));
    assertEquals(rig.base + "/mcp", page.getString("field"), "the connector URL to paste");
    assertEquals(rig.base + "/mcp", page.getString("clipboard"), "what the copy button copied");
    return page;
  }

  private static Map<String, JsonObject> checks(JsonObject page) {
    Map<String, JsonObject> checks = new HashMap<>();
    for (JsonValue c : page.getJsonArray("checks")) {
      checks.put(c.asJsonObject().getString("id"), c.asJsonObject());
    }
    return checks;
  }

  private static Map<String, String> settings(String secret) {
    return Map.of(
        "PBIMCP_PUBLIC_URL",
        "http://127.0.0.1:" + Ports.third(),
        "AZURE_CLIENT_SECRET",
        secret,
        "PBIMCP_DOCTOR_CACHE_SECONDS",
        "0");
  }

  @Test
  void aWrongSecretShowsItsFixAndTheRightOneIsAllGreen() throws Exception {
    try (OAuthRig rig = new OAuthRig("pbimcp-browser-wrong", settings("not-the-secret"))) {
      Map<String, JsonObject> checks = checks(browse(rig, "setup-wrong-secret.png"));
      JsonObject secret = checks.get("client-secret");
      assertEquals("fail", secret.getString("verdict"), secret.toString());
      assertTrue(secret.getString("detail").contains("AADSTS7000215"), secret.toString());
      assertTrue(secret.getString("fix").contains("AZURE_CLIENT_SECRET"), secret.toString());
      assertTrue(!checks.toString().contains("not-the-secret"), "the secret is never shown");
    }
    try (OAuthRig rig = new OAuthRig("pbimcp-browser-right", settings(OAuthRig.SECRET))) {
      Map<String, JsonObject> checks = checks(browse(rig, "setup-all-green.png"));
      assertTrue(checks.size() >= 9, checks.toString());
      checks.forEach((id, c) -> assertEquals("pass", c.getString("verdict"), id + ": " + c));
    }
  }
}
