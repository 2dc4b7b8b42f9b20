package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Power BI at an address where nothing listens: every connection is refused. The user reads that in
 * words, the refusals are retried and counted, and the circuit opens so that later calls fail at
 * once, saying when to try again.
 */
@ExtendWith(ArquillianExtension.class)
class DeadPowerBiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void refusedConnectionsAreNamedRetriedAndOpenTheCircuit() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort(); // free once closed: nothing listens there
    }
    Map<String, String> settings =
        Map.of(
            "pbimcp.powerbi.base-url",
            "http://127.0.0.1:" + dead + "/v1.0/myorg",
            "pbimcp.powerbi.circuit-open-seconds",
            "30");
    try (ExtraServer server =
        new ExtraServer(
                "pbimcp-dead-powerbi", Ports.third(), "dead-powerbi-key-0123456789abcdef", settings)
            .start()) {
      McpHttp client = McpHttp.on(server.port());
      client.initialize();
      FaultCampaign.Run run = new FaultCampaign.Run("connection refused (nothing listens)");
      String first = run.call(client);
      assertTrue(first.contains("could not be reached: the connection was refused"), first);
      assertTrue(!first.contains("Exception"), first);
      String later = first;
      for (int i = 0; i < 3 && !later.contains("paused"); i++) {
        later = run.call(client);
      }
      assertTrue(later.contains("paused calls") && later.contains("Try again in"), later);
      long start = System.nanoTime();
      String fast = run.call(client);
      assertTrue(fast.contains("paused calls"), fast);
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "an open circuit answers at once");
      run.end(-1, -1);
      FaultCampaign.print("DeadPowerBiIT (circuit pause 30 s)");
    }
  }
}
