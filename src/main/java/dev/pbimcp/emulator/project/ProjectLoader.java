package dev.pbimcp.emulator.project;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.syntax.Parser;
import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads the semantic models of a Power BI Project: the folder that holds {@code
 * <Name>.SemanticModel/} (whose {@code definition/} has the TMDL files, or whose {@code model.bim}
 * is the TMSL definition) and {@code data/<Table>.csv} for each import table; naming the {@code
 * .SemanticModel} folder itself works too. A model that cannot be loaded is reported as failed with
 * its reason, and the others still load.
 */
public final class ProjectLoader {
  private static final String SUFFIX = ".SemanticModel";

  /** Rows made by code rather than read from CSV, given the tables read so far. */
  public interface Generated {
    TableRows rows(Function<String, Table> loaded);
  }

  /** Rows whose values follow {@code header}, one column name each. */
  public record TableRows(List<String> header, List<Object[]> rows) {}

  /** One semantic model: loaded (with what was left out) or failed (with the reason). */
  public record Loaded(
      String name, String source, Model model, List<Problem> problems, String error) {
    public boolean ok() {
      return model != null;
    }
  }

  private ProjectLoader() {}

  /** The models of a configured folder: a project folder, or one {@code .SemanticModel} folder. */
  public static List<Loaded> load(Path configured) {
    Path p = configured.toAbsolutePath().normalize();
    String label = configured.toString();
    if (!Files.isDirectory(p)) {
      return List.of(failed(label, label, "the folder " + label + " does not exist."));
    }
    boolean model =
        Files.isDirectory(p.resolve("definition")) || Files.isRegularFile(p.resolve("model.bim"));
    if (model && p.getParent() != null) {
      return List.of(loadOne(ProjectFiles.of(p.getParent()), p.getFileName().toString(), Map.of()));
    }
    return load(ProjectFiles.of(p), Map.of());
  }

  /** Every {@code *.SemanticModel} of a project folder. */
  public static List<Loaded> load(ProjectFiles files, Map<String, Generated> generated) {
    List<String> models =
        files.list("").stream().filter(n -> n.endsWith(SUFFIX) && files.isDirectory(n)).toList();
    if (models.isEmpty()) {
      return List.of(
          failed(
              files.name(),
              files.name(),
              "no <Name>.SemanticModel folder in "
                  + files.name()
                  + "; name a Power BI Project folder (as Power BI Desktop saves it) or a .SemanticModel folder."));
    }
    return models.stream().map(m -> loadOne(files, m, generated)).toList();
  }

  private static Loaded failed(String name, String source, String error) {
    return new Loaded(name, source, null, List.of(), error);
  }

  private static Loaded loadOne(
      ProjectFiles files, String folder, Map<String, Generated> generated) {
    String name =
        folder.endsWith(SUFFIX) ? folder.substring(0, folder.length() - SUFFIX.length()) : folder;
    String source = files.name() + "/" + folder;
    try {
      List<ModelNode> nodes = new ArrayList<>();
      String format;
      if (files.isDirectory(folder + "/definition")) {
        format = "TMDL";
        for (String f : tmdlFiles(files, folder + "/definition")) {
          nodes.addAll(TmdlParser.parse(files.name() + "/" + f, files.read(f)));
        }
      } else if (files.isFile(folder + "/model.bim")) {
        format = "TMSL";
        nodes.addAll(BimParser.parse(source + "/model.bim", files.read(folder + "/model.bim")));
      } else {
        throw new ModelFileException(
            source, "neither a definition/ folder (TMDL) nor a model.bim (TMSL) is in it.");
      }
      ModelReader.Definition d = ModelReader.read(nodes);
      Model m = new Builder(files, d, generated).build();
      return new Loaded(name, source + " (" + format + ")", m, d.problems(), null);
    } catch (ModelFileException e) {
      return failed(name, source, e.getMessage());
    } catch (CharacterCodingException e) {
      return failed(name, source, "a file is not UTF-8 text; save it as UTF-8.");
    } catch (IOException | UncheckedIOException e) {
      return failed(name, source, "a file could not be read: " + e.getMessage());
    }
  }

  /** The .tmdl files of a folder and its subfolders, each folder's files before its subfolders. */
  private static List<String> tmdlFiles(ProjectFiles files, String dir) {
    List<String> out = new ArrayList<>();
    List<String> subdirs = new ArrayList<>();
    for (String n : files.list(dir)) {
      String path = dir + "/" + n;
      if (files.isDirectory(path)) {
        subdirs.add(path);
      } else if (n.toLowerCase(Locale.ROOT).endsWith(".tmdl")) {
        out.add(path);
      }
    }
    subdirs.forEach(s -> out.addAll(tmdlFiles(files, s)));
    return out;
  }

  /** Fills the tables of a definition with rows, then evaluates what is calculated. */
  private static final class Builder {
    private final ProjectFiles files;
    private final ModelReader.Definition d;
    private final Map<String, Generated> generated;
    private final Map<String, Table> done = new LinkedHashMap<>();

    Builder(ProjectFiles files, ModelReader.Definition d, Map<String, Generated> generated) {
      this.files = files;
      this.d = d;
      this.generated = generated;
    }

    Model build() throws IOException {
      Model def = d.model();
      checkDax(def);
      for (Table t : def.tables()) {
        if (t.expression() == null && !generated.containsKey(t.name())) {
          done.put(key(t), withData(t, csv(t)));
        }
      }
      for (Table t : def.tables()) {
        if (t.expression() == null && generated.containsKey(t.name())) {
          TableRows g = generated.get(t.name()).rows(n -> done.get(n.toLowerCase(Locale.ROOT)));
          done.put(key(t), withData(t, arrange(t, g)));
        }
      }
      Calculated.tables(def, done, d.where());
      Calculated.columns(def, done, d.where());
      List<Table> tables = def.tables().stream().map(t -> done.get(key(t))).toList();
      Model m =
          new Model(tables, def.measures(), def.relationships(), def.dateTable(), def.roles());
      return m;
    }

    /** Measures and role filters must be DAX the engine reads; the message says where. */
    private void checkDax(Model m) {
      for (Model.Measure x : m.measures()) {
        parse(x.expression(), "measure " + x.name(), "the measure [" + x.name() + "]");
      }
      for (Model.Role r : m.roles()) {
        for (Model.TableFilter f : r.filters()) {
          parse(
              f.expression(),
              "role " + r.name(),
              "the filter of role '" + r.name() + "' on '" + f.table() + "'");
        }
      }
    }

    private void parse(String dax, String whereKey, String what) {
      try {
        Parser.expression(dax);
      } catch (DaxException e) {
        throw new ModelFileException(
            d.where().getOrDefault(whereKey.toLowerCase(Locale.ROOT), files.name()),
            what + " is not valid DAX: " + e.getMessage());
      }
    }

    private List<Object[]> csv(Table t) throws IOException {
      String dir = "data";
      String file = null;
      if (files.isDirectory(dir)) {
        for (String n : files.list(dir)) {
          if (n.equalsIgnoreCase(t.name() + ".csv")) {
            file = dir + "/" + n;
          }
        }
      }
      if (file == null) {
        throw new ModelFileException(
            d.where().getOrDefault(ModelReader.key(t.name(), null), files.name()),
            "the table '"
                + t.name()
                + "' has no data: add "
                + files.name()
                + "/data/"
                + t.name()
                + ".csv (a header row naming its columns, then one line a row).");
      }
      try (Reader r = files.open(file)) {
        return CsvReader.read(files.name() + "/" + file, r, dataColumns(t));
      }
    }

    private static List<Column> dataColumns(Table t) {
      return t.columns().stream().filter(c -> !c.calculated()).toList();
    }

    /** Generated rows in the order of the table's data columns. */
    private static List<Object[]> arrange(Table t, TableRows g) {
      List<Column> cols = dataColumns(t);
      int[] from = new int[cols.size()];
      for (int i = 0; i < cols.size(); i++) {
        from[i] = g.header().indexOf(cols.get(i).name());
        if (from[i] < 0) {
          throw new IllegalStateException(
              "The generator of " + t.name() + " makes no column " + cols.get(i).name());
        }
      }
      return Calculated.project(g.rows(), from);
    }

    /** The table with its data columns only, until the calculated ones are evaluated. */
    private static Table withData(Table t, List<Object[]> rows) {
      return t.with(dataColumns(t), rows);
    }

    private static String key(Table t) {
      return t.name().toLowerCase(Locale.ROOT);
    }
  }
}
