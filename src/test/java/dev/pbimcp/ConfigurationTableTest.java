package dev.pbimcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table and the settings the code reads are the same set: every key a
 * class or server.xml reads is documented, and every documented key is read. Keys are compared in
 * their environment-variable form (MicroProfile Config's mapping: upper case, '_' for the rest).
 */
class ConfigurationTableTest {
  private static final Pattern READS =
      Pattern.compile(
          "(?:ConfigProperty\\(\\s*name\\s*=|name\\s*=|getValue\\(|getOptionalValue\\(|setting\\((?:\\s*config\\s*,)?)"
              + "\\s*\"([A-Za-z][A-Za-z0-9._-]*)\"");
  private static final Pattern VARIABLES = Pattern.compile("<variable name=\"([a-z0-9.-]+)\"");
  private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

  @Test
  void theReadmeDocumentsExactlyTheSettingsTheCodeReads() throws IOException {
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        if (!text.contains("ConfigProperty")
            && !text.contains("getValue(")
            && !text.contains("setting(")) {
          continue;
        }
        Matcher m = READS.matcher(text);
        while (m.find()) {
          read.add(envForm(m.group(1)));
        }
      }
    }
    Matcher v = VARIABLES.matcher(Files.readString(Path.of("src/main/liberty/config/server.xml")));
    while (v.find()) {
      read.add(envForm(v.group(1)));
    }
    read.removeIf(k -> k.startsWith("MP_"));
    assertEquals(documented(), read);
  }

  private static Set<String> documented() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("| environment variable |"), readme.indexOf("## Protocol support"));
    Set<String> keys = new TreeSet<>();
    for (String line : table.split("\n")) {
      if (line.startsWith("| `")) {
        Matcher m = DOCUMENTED.matcher(line.substring(0, line.indexOf(" | ", 2)));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  private static String envForm(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
