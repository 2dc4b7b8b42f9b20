package dev.pbimcp.registry;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;

/**
 * A tool whose input and output are records: the schemas come from the records (see {@link
 * SchemaGenerator}), arguments are bound to the input record, and the output record becomes both
 * {@code structuredContent} and, through {@link #render}, the readable text block.
 *
 * @param <I> the input record
 * @param <O> the output record
 */
public abstract class TypedTool<I extends Record, O extends Record> implements McpTool {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  private final Class<I> inputType;
  private final ToolDefinition definition;

  protected TypedTool(
      Class<I> inputType,
      Class<O> outputType,
      String name,
      String title,
      String description,
      ToolAnnotations annotations) {
    this.inputType = inputType;
    this.definition =
        new ToolDefinition(
            name,
            title,
            description,
            SchemaGenerator.objectSchema(inputType),
            SchemaGenerator.objectSchema(outputType),
            annotations);
  }

  @Override
  public final ToolDefinition definition() {
    return definition;
  }

  @Override
  public final ToolResult call(JsonObject arguments, ToolContext context) throws Exception {
    I input;
    try {
      input = JSONB.fromJson(arguments.toString(), inputType);
    } catch (JsonbException e) {
      throw new ToolException("The arguments could not be read: " + rootMessage(e));
    }
    O output = execute(input, context);
    JsonObject structured;
    try (var reader = Json.createReader(new StringReader(JSONB.toJson(output)))) {
      structured = reader.readObject();
    }
    return ToolResult.structured(structured, render(output));
  }

  /** Does the work. Throw {@link ToolException} for anything the user can fix. */
  protected abstract O execute(I input, ToolContext context) throws Exception;

  /** The text block shown to the model and the user; compact and readable. */
  protected abstract String render(O output);

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
