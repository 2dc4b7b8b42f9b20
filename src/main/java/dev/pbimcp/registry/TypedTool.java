package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.ArrayList;
import java.util.List;

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
  // A tool without arguments has one input, made once: binding {} costs a JSON-B round trip.
  private final I noArguments;
  private final ToolDefinition definition;

  protected TypedTool(
      Class<I> inputType,
      Class<O> outputType,
      String name,
      String title,
      String description,
      ToolAnnotations annotations) {
    this.inputType = inputType;
    this.noArguments =
        inputType.getRecordComponents().length == 0 ? JSONB.fromJson("{}", inputType) : null;
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
      input = noArguments != null ? noArguments : JSONB.fromJson(arguments.toString(), inputType);
    } catch (JsonbException e) {
      throw new ToolException("The arguments could not be read: " + rootMessage(e));
    }
    Answer<O> answer = answer(input, context);
    JsonObject structured = json(answer.output());
    List<JsonObject> content = new ArrayList<>();
    content.add(Content.text(render(answer.output())));
    content.addAll(answer.attachments());
    return new ToolResult(content, structured, false);
  }

  /** A record as JSON, with the snake_case names tool schemas use. */
  public static JsonObject json(Record value) {
    return RecordJson.of(value);
  }

  /**
   * The output plus content blocks that travel beside it (an embedded CSV, say) but do not belong
   * in {@code structuredContent}.
   */
  public record Answer<O>(O output, List<JsonObject> attachments) {}

  /**
   * Does the work when there is nothing to attach. Throw {@link ToolException} for what the user
   * can fix.
   */
  protected O execute(I input, ToolContext context) throws Exception {
    throw new UnsupportedOperationException(getClass() + " implements neither execute nor answer");
  }

  /** Does the work; override this instead of {@link #execute} to attach content blocks. */
  protected Answer<O> answer(I input, ToolContext context) throws Exception {
    return new Answer<>(execute(input, context), List.of());
  }

  /** The text block shown to the model and the user; compact and readable. */
  protected abstract String render(O output);

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
