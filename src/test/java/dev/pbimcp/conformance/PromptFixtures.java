package dev.pbimcp.conformance;

import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.McpPrompt;
import dev.pbimcp.registry.Messages;
import dev.pbimcp.registry.PromptDefinition;
import dev.pbimcp.registry.PromptDefinition.Argument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The prompts the conformance suite gets. */
@ApplicationScoped
public class PromptFixtures {

  @Produces
  McpPrompt simple() {
    return prompt(
        "test_simple_prompt",
        List.of(),
        args -> List.of(Messages.user(Content.text("This is a simple prompt for testing."))));
  }

  @Produces
  McpPrompt withArguments() {
    return new FixturePrompt(
        new PromptDefinition(
            "test_prompt_with_arguments",
            null,
            "A prompt with arguments",
            List.of(
                new Argument("arg1", "First argument", true),
                new Argument("arg2", "Second argument", true))),
        args ->
            List.of(
                Messages.user(
                    Content.text(
                        "Prompt with arguments: arg1='"
                            + args.get("arg1")
                            + "', arg2='"
                            + args.get("arg2")
                            + "'"))),
        List.of("paris", "park", "party"));
  }

  @Produces
  McpPrompt withEmbeddedResource() {
    return prompt(
        "test_prompt_with_embedded_resource",
        List.of(new Argument("resourceUri", "URI of the resource to embed", true)),
        args ->
            List.of(
                Messages.user(
                    Content.resource(
                        args.get("resourceUri"),
                        "text/plain",
                        "Embedded resource content for testing.")),
                Messages.user(Content.text("Please process the embedded resource above."))));
  }

  @Produces
  McpPrompt withImage() {
    return prompt(
        "test_prompt_with_image",
        List.of(),
        args ->
            List.of(
                Messages.user(Content.image(Media.PNG, "image/png")),
                Messages.user(Content.text("Please analyze the image above."))));
  }

  private static McpPrompt prompt(
      String name, List<Argument> args, Function<Map<String, String>, List<JsonObject>> body) {
    return new FixturePrompt(
        new PromptDefinition(name, null, "Fixture " + name, args), body, List.of());
  }

  /** A prompt made of a definition, a body and completion candidates. */
  record FixturePrompt(
      PromptDefinition definition,
      Function<Map<String, String>, List<JsonObject>> body,
      List<String> candidates)
      implements McpPrompt {
    @Override
    public List<JsonObject> messages(Map<String, String> arguments) {
      return body.apply(arguments);
    }

    @Override
    public List<String> complete(String argument, String prefix) {
      return candidates.stream().filter(c -> c.startsWith(prefix)).toList();
    }
  }
}
