package dev.pbimcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The application lists its resources and providers: none may be left out, none listed twice. */
class RestApplicationTest {

  @Test
  void everyResourceAndProviderIsRegistered() throws IOException, URISyntaxException {
    Set<String> found = new TreeSet<>();
    java.nio.file.Path root =
        java.nio.file.Path.of(
            RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        String name = root.relativize(f).toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> c = load(name.substring(0, name.length() - 6).replace('/', '.'));
        if (!c.isInterface()
            && !Modifier.isAbstract(c.getModifiers())
            && (c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))) {
          found.add(c.getName());
        }
      }
    }
    Set<String> registered = new TreeSet<>();
    Set<Class<?>> all = new HashSet<>(RestApplication.CLASSES);
    all.addAll(RestApplication.SINGLETONS);
    all.forEach(c -> registered.add(c.getName()));
    assertEquals(
        RestApplication.CLASSES.size() + RestApplication.SINGLETONS.size(),
        all.size(),
        "a class is both a singleton and a per-request class");
    assertEquals(found, registered);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RestApplicationTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
