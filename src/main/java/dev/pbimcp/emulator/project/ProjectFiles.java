package dev.pbimcp.emulator.project;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one Power BI Project folder, by paths relative to it ({@code a/b.tmdl}): a folder on
 * disk, or resources of this application listed in an {@code INDEX} file (a WAR's resources cannot
 * be listed). Text is UTF-8; a byte that is not is an error, not a replacement character.
 */
public interface ProjectFiles {
  /** The folder's name, which messages start their paths with. */
  String name();

  boolean isDirectory(String path);

  boolean isFile(String path);

  /** The names in a folder, sorted. */
  List<String> list(String path);

  Reader open(String path) throws IOException;

  default String read(String path) throws IOException {
    try (Reader r = open(path)) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }

  /** A project folder on disk. */
  static ProjectFiles of(Path root) {
    return new ProjectFiles() {
      @Override
      public String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
      }

      @Override
      public boolean isDirectory(String path) {
        return Files.isDirectory(root.resolve(path));
      }

      @Override
      public boolean isFile(String path) {
        return Files.isRegularFile(root.resolve(path));
      }

      @Override
      public List<String> list(String path) {
        try (Stream<Path> s = Files.list(root.resolve(path))) {
          return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Reader open(String path) throws IOException {
        return utf8(Files.newInputStream(root.resolve(path)));
      }
    };
  }

  /**
   * The project folder {@code project} among the resources under {@code root}, as {@code
   * root/INDEX} (one path a line, relative to {@code root}) lists them.
   */
  static ProjectFiles resources(ClassLoader loader, String root, String project) {
    List<String> index = new ArrayList<>();
    String base = root + "/" + project;
    try (InputStream in = loader.getResourceAsStream(root + "/INDEX")) {
      if (in == null) {
        throw new IllegalStateException("No resource " + root + "/INDEX.");
      }
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> l.startsWith(project + "/"))
          .map(l -> l.substring(project.length() + 1))
          .forEach(index::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProjectFiles() {
      @Override
      public String name() {
        return project;
      }

      @Override
      public boolean isDirectory(String path) {
        return index.stream().anyMatch(p -> p.startsWith(path + "/"));
      }

      @Override
      public boolean isFile(String path) {
        return index.contains(path);
      }

      @Override
      public List<String> list(String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        return index.stream()
            .filter(p -> p.startsWith(prefix))
            .map(p -> p.substring(prefix.length()))
            .map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : p)
            .distinct()
            .sorted()
            .toList();
      }

      @Override
      public Reader open(String path) throws IOException {
        InputStream in = loader.getResourceAsStream(base + "/" + path);
        if (in == null) {
          throw new IOException("No resource " + base + "/" + path + ".");
        }
        return utf8(in);
      }
    };
  }

  private static Reader utf8(InputStream in) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, strict), 1 << 16);
  }
}
