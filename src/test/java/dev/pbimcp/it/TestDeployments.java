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

  /** The product WAR with the fixtures, as a file, for servers started outside Arquillian. */
  public static java.nio.file.Path productWithFixturesFile() {
    File file = new File(System.getProperty("war.path", "target/pbimcp.war") + ".fixtures.war");
    productWithFixtures()
        .as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class)
        .exportTo(file, true);
    return file.toPath();
  }

  /** The product WAR exactly as it ships. */
  public static WebArchive product() {
    return ShrinkWrap.create(ZipImporter.class, "pbimcp-it.war")
        .importFrom(new File(System.getProperty("war.path", "target/pbimcp.war")))
        .as(WebArchive.class);
  }
}
