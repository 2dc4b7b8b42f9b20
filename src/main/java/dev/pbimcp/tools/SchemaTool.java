package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/** {@code get_powerbi_model_schema}. */
@Unproxied
@Toolset("models")
public class SchemaTool extends PowerBiTool<SchemaTool.Input, ModelSchema> {

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param(value = "Semantic model (dataset) id.", required = true) String datasetId,
      @Param(value = "Only this table (and its relationships).", maxLength = 256) String table,
      @Param("Include hidden tables, columns and measures (default false).")
          Boolean includeHidden) {}

  private final SchemaReader reader;

  @Inject
  public SchemaTool(SchemaReader reader) {
    super(
        Input.class,
        ModelSchema.class,
        "get_powerbi_model_schema",
        "Semantic model schema",
        "Describes a semantic model for writing DAX: its tables with columns and data types, its"
            + " measures (with expressions when visible) and the relationships between tables. Call"
            + " it before execute_powerbi_query; pass table to narrow a large model.",
        ToolAnnotations.readOnly(true));
    this.reader = reader;
  }

  @Override
  protected Answer<ModelSchema> run(Input in, ToolContext context) {
    return answer(
        reader.read(
            guid(in.workspaceId(), "workspace_id"),
            guid(in.datasetId(), "dataset_id"),
            in.table(),
            Boolean.TRUE.equals(in.includeHidden())));
  }

  @Override
  protected String render(ModelSchema s) {
    StringBuilder b = new StringBuilder();
    for (ModelSchema.TableInfo t : s.tables()) {
      b.append("'").append(t.name()).append("'");
      if (t.description() != null) {
        b.append(" — ").append(t.description());
      }
      b.append("\n  columns: ")
          .append(
              t.columns().stream()
                  .map(c -> c.name() + " (" + c.dataType() + ")")
                  .collect(Collectors.joining(", ")));
      if (!t.measures().isEmpty()) {
        b.append("\n  measures: ")
            .append(
                t.measures().stream()
                    .map(
                        m ->
                            "["
                                + m.name()
                                + "]"
                                + (m.expression() == null ? "" : " = " + m.expression()))
                    .collect(Collectors.joining("; ")));
      }
      if (t.hierarchies() != null) {
        b.append("\n  hierarchies: ").append(String.join("; ", t.hierarchies()));
      }
      b.append('\n');
    }
    if (!s.relationships().isEmpty()) {
      b.append("relationships:\n");
      s.relationships()
          .forEach(
              r ->
                  b.append("  '")
                      .append(r.fromTable())
                      .append("'[")
                      .append(r.fromColumn())
                      .append("] → '")
                      .append(r.toTable())
                      .append("'[")
                      .append(r.toColumn())
                      .append(']')
                      .append(r.active() ? "" : " (inactive)")
                      .append('\n'));
    }
    if (s.roles() != null && !s.roles().isEmpty()) {
      b.append("roles:\n");
      s.roles()
          .forEach(
              r ->
                  b.append("  ")
                      .append(r.name())
                      .append(": ")
                      .append(String.join("; ", r.filters()))
                      .append('\n'));
    }
    return b.toString().strip();
  }
}
