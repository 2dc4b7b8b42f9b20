package dev.pbimcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories outside JUnit's {@code @TempDir}: the Entra stand-in's keystore (a private
 * key), the benchmarks' archives. Each is removed with what it holds when the JVM ends: runs had
 * left hundreds of them behind, half a gigabyte of archives among them.
 */
public final class Scratch {
  private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> DIRECTORIES.forEach(Scratch::removeQuietly), "scratch-removal"));
  }

  private Scratch() {}

  /** A new empty directory, removed when the JVM ends. */
  public static Path directory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      DIRECTORIES.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code dir} and everything in it; nothing when it does not exist. */
  public static void remove(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void removeQuietly(Path dir) {
    try {
      remove(dir);
    } catch (IOException | UncheckedIOException e) {
      // At exit there is no one left to tell; the next run's directories have names of their own.
    }
  }
}
