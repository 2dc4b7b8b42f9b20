package dev.pbimcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every tool's definition as clients see it is committed under src/test/resources/toolsnaps. A
 * change fails here until the snapshot is updated on purpose: {@code ./mvnw verify
 * -Dtoolsnaps.update=true}, then review the diff.
 */
@ExtendWith(ArquillianExtension.class)
class ToolSnapshotIT {
  private static final Path SNAPS = NodeTools.root().resolve("src/test/resources/toolsnaps");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestDeployments.productWithFixtures();
  }

  @Test
  void everyToolMatchesItsSnapshot() throws Exception {
    McpHttp client = McpHttp.on(Ports.http());
    client.initialize();
    List<JsonObject> tools = new ArrayList<>();
    String cursor = null;
    do {
      var params = Json.createObjectBuilder();
      if (cursor != null) {
        params.add("cursor", cursor);
      }
      JsonObject page = client.result("tools/list", params.build());
      tools.addAll(page.getJsonArray("tools").getValuesAs(JsonObject.class));
      cursor = page.getString("nextCursor", null);
    } while (cursor != null);

    boolean update = Boolean.getBoolean("toolsnaps.update");
    Files.createDirectories(SNAPS);
    List<String> problems = new ArrayList<>();
    var listed = new TreeSet<String>();
    for (JsonObject tool : tools) {
      String name = tool.getString("name");
      listed.add(name);
      Path file = SNAPS.resolve(name + ".json");
      if (update) {
        Files.writeString(file, pretty(tool));
      } else if (!Files.exists(file)) {
        problems.add(name + ": no snapshot (run with -Dtoolsnaps.update=true)");
      } else if (!McpHttp.parse(Files.readString(file)).equals(tool)) {
        problems.add(
            name + ": definition differs from " + SNAPS.relativize(file) + "\n" + pretty(tool));
      }
    }
    try (var files = Files.list(SNAPS)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
          .filter(n -> !listed.contains(n))
          .forEach(n -> problems.add(n + ": snapshot of a tool that no longer exists"));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertEquals(listed.size(), tools.size(), "tool names must be unique");
  }

  /**
   * Checks (or, with -Dtoolsnaps.update=true, writes) one tool's snapshot in a folder of its own:
   * write tools, listed only when read-only mode is off, live in toolsnaps/write.
   */
  static void assertSnapshot(String folder, JsonObject tool) throws Exception {
    Path dir = SNAPS.resolve(folder);
    Files.createDirectories(dir);
    Path file = dir.resolve(tool.getString("name") + ".json");
    if (Boolean.getBoolean("toolsnaps.update")) {
      Files.writeString(file, pretty(tool));
      return;
    }
    assertTrue(Files.exists(file), file + " is missing: run with -Dtoolsnaps.update=true");
    assertEquals(
        McpHttp.parse(Files.readString(file)),
        tool,
        "definition differs from " + file + "\n" + pretty(tool));
  }

  static String pretty(JsonObject json) {
    StringWriter out = new StringWriter();
    try (var writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.writeObject(json);
    }
    return out.toString().strip() + "\n";
  }
}
