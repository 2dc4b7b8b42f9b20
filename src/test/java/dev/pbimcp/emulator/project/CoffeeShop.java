package dev.pbimcp.emulator.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The example project of {@code examples/CoffeeShop}: copies of it (as TMDL, or with the same model
 * as {@code model.bim}) to break, and its answers computed from its CSV files, apart from the
 * engine.
 */
public final class CoffeeShop {
  public static final Path EXAMPLE = Path.of("examples/CoffeeShop");

  private CoffeeShop() {}

  /** One order line of data/Orders.csv. */
  public record Order(LocalDate date, long shop, long quantity, double unitPrice) {
    double amount() {
      return quantity * unitPrice;
    }
  }

  /** A copy of the example project in {@code dir}/{@code name}. */
  public static Path copy(Path dir, String name) throws IOException {
    Path target = dir.resolve(name);
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path to = target.resolve(EXAMPLE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  /** Replaces text in a file; the text must be there. */
  public static void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    if (!s.contains(from)) {
      throw new IllegalStateException("the edit does not apply to " + file + ": " + from);
    }
    Files.writeString(file, s.replace(from, to));
  }

  /** A copy of the example whose model folder is {@code <name>.SemanticModel}. */
  public static Path renamedCopy(Path dir, String name) throws IOException {
    Path p = copy(dir, name);
    Files.move(p.resolve("CoffeeShop.SemanticModel"), p.resolve(name + ".SemanticModel"));
    return p;
  }

  /** The example's data beside the same model written as TMSL, {@code <name>.SemanticModel}. */
  public static Path asBim(Path dir, String name) throws IOException {
    Path target = dir.resolve(name);
    Path model = target.resolve(name + ".SemanticModel");
    Files.createDirectories(model);
    Files.createDirectories(target.resolve("data"));
    try (InputStream in = CoffeeShop.class.getResourceAsStream("/projects/bim/model.bim")) {
      Files.copy(in, model.resolve("model.bim"));
    }
    for (String csv : List.of("Orders.csv", "Shop.csv")) {
      Files.copy(EXAMPLE.resolve("data").resolve(csv), target.resolve("data").resolve(csv));
    }
    return target;
  }

  /** The order lines, read with a splitter of its own (quoted fields hold commas). */
  public static List<Order> orders() throws IOException {
    List<Order> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(EXAMPLE.resolve("data/Orders.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      out.add(
          new Order(
              LocalDate.parse(f[1]),
              Long.parseLong(f[2]),
              Long.parseLong(f[4]),
              Double.parseDouble(f[5])));
    }
    return out;
  }

  public static double revenue(Predicate<Order> which) throws IOException {
    return orders().stream().filter(which).mapToDouble(Order::amount).sum();
  }
}
