package dev.pbimcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts an {@link OAuthRig} (a server of its own plus the Entra stand-in) per test class. */
@ExtendWith(ArquillianExtension.class)
abstract class OAuthTestBase {
  static OAuthRig rig;
  static String base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.product();
  }

  private static final java.util.concurrent.atomic.AtomicInteger CLASSES =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    rig = new OAuthRig("pbimcp-oauth-" + CLASSES.incrementAndGet());
    base = rig.base;
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
      rig = null;
    }
  }
}
