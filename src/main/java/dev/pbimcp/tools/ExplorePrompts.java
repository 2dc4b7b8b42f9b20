package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.McpPrompt;
import dev.pbimcp.registry.Messages;
import dev.pbimcp.registry.PromptDefinition;
import dev.pbimcp.registry.PromptDefinition.Argument;
import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Prompts that help a model explore a semantic model and write DAX against it. */
@Unproxied
public class ExplorePrompts {

  @Produces
  McpPrompt explore() {
    return new Prompt(
        new PromptDefinition(
            "explore_powerbi_model",
            "Explore a semantic model",
            "Walks through a Power BI semantic model: its tables, measures and what questions it can answer.",
            List.of(
                new Argument("workspace_id", "Workspace id", true),
                new Argument("dataset_id", "Semantic model id", true))),
        args ->
            List.of(
                Messages.user(
                    Content.text(
                        "Explore the Power BI semantic model "
                            + args.get("dataset_id")
                            + " in workspace "
                            + args.get("workspace_id")
                            + ".\n1. Call get_powerbi_model_schema to read its tables, columns, measures and relationships."
                            + "\n2. Say in plain words what the model is about: the facts, the dimensions, the measures."
                            + "\n3. Run one small DAX query with execute_powerbi_query (for example the main measure by a"
                            + " dimension with SUMMARIZECOLUMNS) to show real numbers."
                            + "\n4. Suggest five business questions this model can answer."))));
  }

  @Produces
  McpPrompt writeDax() {
    return new Prompt(
        new PromptDefinition(
            "write_dax_query",
            "Answer a question with DAX",
            "Guides writing and running a DAX query that answers a business question.",
            List.of(
                new Argument("question", "The business question", true),
                new Argument("workspace_id", "Workspace id, if known", false),
                new Argument("dataset_id", "Semantic model id, if known", false))),
        args ->
            List.of(
                Messages.user(
                    Content.text(
                        "Answer this question from Power BI: "
                            + args.get("question")
                            + (args.containsKey("dataset_id")
                                ? "\nUse semantic model "
                                    + args.get("dataset_id")
                                    + " in workspace "
                                    + args.getOrDefault("workspace_id", "?")
                                    + "."
                                : "\nFind the right model first with search_powerbi_models or get_powerbi_datasets.")
                            + "\nRules: read get_powerbi_model_schema first and use only the names it lists ('Table'[Column], [Measure]);"
                            + " look up exact filter values with find_powerbi_values; prefer existing measures over"
                            + " re-aggregating columns; use EVALUATE SUMMARIZECOLUMNS(...) for grouped numbers and TOPN to"
                            + " limit rows; if the query fails, read the error, fix the query and try again. State the"
                            + " numbers with their filters."))));
  }

  /** A prompt made of a definition and a body. */
  private record Prompt(
      PromptDefinition definition,
      java.util.function.Function<Map<String, String>, List<JsonObject>> body)
      implements McpPrompt {
    @Override
    public List<JsonObject> messages(Map<String, String> arguments) {
      return body.apply(arguments);
    }
  }
}
