package dev.pbimcp.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive every integration test deploys: the real product WAR plus the test fixtures. */
public final class TestDeployments {
  private TestDeployments() {}

  public static WebArchive productWithFixtures() {
    return product().addPackage("dev.pbimcp.conformance");
  }

  /** The product WAR exactly as it ships. */
  public static WebArchive product() {
    return ShrinkWrap.create(ZipImporter.class, "pbimcp-it.war")
        .importFrom(new File(System.getProperty("war.path", "target/pbimcp.war")))
        .as(WebArchive.class);
  }
}
