package dev.pbimcp.tools;

import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.TypedTool;

/**
 * A tool that calls Power BI: what Power BI refuses becomes a tool error carrying the gateway's
 * actionable sentence, so the model can tell the user what to do.
 */
abstract class PowerBiTool<I extends Record, O extends Record> extends TypedTool<I, O> {

  PowerBiTool(
      Class<I> in, Class<O> out, String name, String title, String description, ToolAnnotations a) {
    super(in, out, name, title, description, a);
  }

  @Override
  protected final Answer<O> answer(I input, ToolContext context) throws Exception {
    try {
      return run(input, context);
    } catch (PowerBiException e) {
      throw new ToolException(e.getMessage(), e);
    }
  }

  /** Calls Power BI; {@link PowerBiException}s need no handling here. */
  protected abstract Answer<O> run(I input, ToolContext context) throws Exception;

  static <O> Answer<O> answer(O output) {
    return new Answer<>(output, java.util.List.of());
  }

  /** Power BI ids are GUIDs; checking early gives a clearer message than a 404. */
  static String guid(String value, String what) {
    if (value == null
        || !value
            .trim()
            .matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new ToolException(
          what
              + " must be a Power BI id (a GUID such as 6ba74cec-d966-3be1-9f1a-1148d92b428c), not '"
              + value
              + "'. Find it with list_powerbi_workspaces, get_powerbi_datasets or resolve_powerbi_url.");
    }
    return value.trim();
  }
}
