package dev.pbimcp.emulator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The INDEX the sample models are read through lists exactly the files under models/. */
class SampleIndexTest {
  @Test
  void indexListsEveryFile() throws Exception {
    Path root = Path.of("src/main/resources/models");
    List<String> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("INDEX"))
              .sorted()
              .toList();
    }
    List<String> index =
        Files.readAllLines(root.resolve("INDEX")).stream()
            .filter(l -> !l.isBlank())
            .sorted()
            .toList();
    assertEquals(
        files,
        index,
        "run: cd src/main/resources/models && find . -type f ! -name INDEX | sed 's|^./||' | sort > INDEX");
  }
}
