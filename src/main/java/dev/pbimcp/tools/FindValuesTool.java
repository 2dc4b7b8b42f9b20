package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.powerbi.QueryResult;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** {@code find_powerbi_values}: the exact values of a column that match a text. */
@Unproxied
@Toolset("models")
public class FindValuesTool extends PowerBiTool<FindValuesTool.Input, FindValuesTool.Output> {

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param(value = "Semantic model (dataset) id.", required = true) String datasetId,
      @Param(value = "Table name, as in the schema.", required = true, maxLength = 256)
          String table,
      @Param(value = "Column name, as in the schema.", required = true, maxLength = 256)
          String column,
      @Param(
              value =
                  "Text the values should contain (case-insensitive); empty lists the first values.",
              maxLength = 200)
          String search,
      @Param(value = "How many values at most (default 20).", min = 1, max = 100)
          Integer maxValues) {}

  /** The values found. */
  public record Output(
      @Param(value = "The DAX column reference to filter on.", required = true) String column,
      @Param(value = "Matching values, in order, exactly as stored.", required = true)
          List<JsonValue> values) {}

  private final PowerBiGateway gateway;

  @Inject
  public FindValuesTool(PowerBiGateway gateway) {
    super(
        Input.class,
        Output.class,
        "find_powerbi_values",
        "Find column values",
        "Finds the distinct values of a model column that contain a text, so a DAX filter can use the"
            + " exact stored value (for example 'Customer'[City] = \"London\"). Use it before filtering"
            + " on names the user typed loosely.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    String ref = "'" + in.table().replace("'", "''") + "'[" + in.column().replace("]", "]]") + "]";
    int max = in.maxValues() == null ? 20 : in.maxValues();
    String rows =
        in.search() == null || in.search().isEmpty()
            ? "VALUES(" + ref + ")"
            : "FILTER(VALUES("
                + ref
                + "), CONTAINSSTRING("
                + ref
                + ", \""
                + in.search().replace("\"", "\"\"")
                + "\"))";
    String dax =
        "EVALUATE TOPN(" + max + ", " + rows + ", " + ref + ", ASC) ORDER BY " + ref + " ASC";
    QueryResult r =
        gateway.query(
            guid(in.workspaceId(), "workspace_id"),
            guid(in.datasetId(), "dataset_id"),
            dax,
            max,
            false,
            null);
    return answer(new Output(ref, r.preview().stream().map(row -> row.get(0)).toList()));
  }

  @Override
  protected String render(Output o) {
    if (o.values().isEmpty()) {
      return "No values of " + o.column() + " match.";
    }
    return o.column()
        + ": "
        + String.join(
            ", ",
            o.values().stream()
                .map(v -> v instanceof JsonString s ? "\"" + s.getString() + "\"" : v.toString())
                .toList());
  }
}
