package dev.pbimcp.emulator;

import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.project.ProjectFiles;
import dev.pbimcp.emulator.project.ProjectLoader;
import java.util.List;
import java.util.Map;

/**
 * The sample tenant's semantic models, read by the project loader from the TMDL and CSV files under
 * {@code models/} in this application's resources, as a user's own project is read. Only the big
 * Sales fact table is generated ({@link SampleSales}).
 */
public final class SampleModels {
  private SampleModels() {}

  public static Model sales(int rows) {
    return load("Sales", Map.of("Sales", new SampleSales(rows)));
  }

  public static Model finance() {
    return load("Finance GL", Map.of());
  }

  public static Model hr() {
    return load("HR Headcount", Map.of());
  }

  private static Model load(String project, Map<String, ProjectLoader.Generated> generated) {
    ProjectFiles files =
        ProjectFiles.resources(SampleModels.class.getClassLoader(), "models", project);
    List<ProjectLoader.Loaded> loaded = ProjectLoader.load(files, generated);
    ProjectLoader.Loaded m = loaded.get(0);
    if (!m.ok() || !m.problems().isEmpty()) {
      // The samples ship with the server: a problem in them is a bug, not a user's mistake.
      throw new IllegalStateException(
          "The sample model " + project + " did not load: " + m.error() + " " + m.problems());
    }
    return m.model();
  }
}
