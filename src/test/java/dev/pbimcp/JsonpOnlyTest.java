package dev.pbimcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JSON-P objects are made through {@code dev.pbimcp.json.Jsonp} only: {@code jakarta.json.Json}'s
 * factory methods search for the provider on every call, which cost a third of a tool call's
 * throughput in the transport benchmark.
 */
class JsonpOnlyTest {
  private static final Pattern JSON_FACTORY = Pattern.compile("(?<![\\w.])Json\\.create");

  @Test
  void noMainClassCallsJsonFactoriesDirectly() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("Jsonp.java"))
              .filter(JsonpOnlyTest::callsJson)
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(List.of(), offenders, "use dev.pbimcp.json.Jsonp instead of Json.create…");
  }

  private static boolean callsJson(Path p) {
    try {
      return JSON_FACTORY.matcher(Files.readString(p)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
