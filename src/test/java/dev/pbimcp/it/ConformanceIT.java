package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP conformance suite (pinned in src/test/node) against this server with the
 * fixtures, through {@code scripts/conformance}: the 0.1.16 active suite and --suite all must pass
 * with an empty baseline, and the 0.2.0 prerelease's scored scenarios for 2025-11-25 and 2026-07-28
 * must all pass.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void officialSuitePassesWithAnEmptyBaseline() throws Exception {
    String baseline =
        Files.readString(NodeTools.root().resolve("src/test/conformance/expected-failures.yml"));
    assertTrue(
        baseline.lines().anyMatch(l -> l.strip().equals("server: []")), "baseline must be empty");

    NodeTools.Result r =
        NodeTools.run(
            List.of("bash", "scripts/conformance", "http://127.0.0.1:" + Ports.http() + "/mcp"),
            600);
    System.out.println(r.output());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("conformance --suite active: "), r.output());
    assertTrue(r.output().contains("conformance --suite all: "), r.output());
    for (String revision : new String[] {"2025-11-25", "2026-07-28"}) {
      assertTrue(
          r.output()
              .contains(
                  "conformance --requirements " + revision + ": every scored scenario passes"),
          r.output());
    }
    assertTrue(
        r.output().lines().anyMatch(l -> l.matches("conformance: \\d+ passed, 0 failed")),
        r.output());
  }
}
