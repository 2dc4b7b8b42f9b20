package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzz suite: seeded mutations of valid messages, headers, paths and methods over every door
 * ({@link Fuzzer}). 500 cases here; {@code scripts/fuzz} runs 10,000 (-Dfuzz.cases, -Dfuzz.seed).
 * Every case must end without a 5xx, without a Java internal and, on the MCP paths, as JSON-RPC.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void fuzzedRequestsGetNo5xxNoLeakAndOnlyJsonRpcOnTheMcpPaths() throws Exception {
    int cases = Integer.getInteger("fuzz.cases", 500);
    long seed = Long.getLong("fuzz.seed", 20261201L);
    McpHttp client = McpHttp.on(Ports.http());
    client.initialize();
    Fuzzer fuzzer = new Fuzzer(Ports.http(), client.sessionId(), seed);
    Map<String, Integer> outcomes = fuzzer.run(cases);
    System.out.println("fuzz: " + cases + " cases, seed " + seed + ": " + outcomes);
    fuzzer.findings().forEach(f -> System.out.println("fuzz finding: " + f));
    long findings =
        outcomes.entrySet().stream()
            .filter(e -> e.getKey().startsWith("FINDING"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertEquals(
        0, findings, "findings: " + outcomes + "\n" + String.join("\n", fuzzer.findings()));
    assertTrue(outcomes.getOrDefault("2xx", 0) > cases / 20, "some cases are served: " + outcomes);
    assertTrue(outcomes.getOrDefault("4xx", 0) > cases / 20, "some are refused: " + outcomes);
  }
}
