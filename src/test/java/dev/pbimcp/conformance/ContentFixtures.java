package dev.pbimcp.conformance;

import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.McpTool;
import dev.pbimcp.registry.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Fixture tools that return each kind of content. */
@ApplicationScoped
public class ContentFixtures {

  @Produces
  McpTool simpleText() {
    return new FixtureTool(
        "test_simple_text",
        "Returns a simple text response.",
        (a, c) -> ToolResult.text("This is a simple text response for testing."));
  }

  @Produces
  McpTool image() {
    return new FixtureTool(
        "test_image_content",
        "Returns an image.",
        (a, c) -> ToolResult.of(Content.image(Media.PNG, "image/png")));
  }

  @Produces
  McpTool audio() {
    return new FixtureTool(
        "test_audio_content",
        "Returns audio.",
        (a, c) -> ToolResult.of(Content.audio(Media.WAV, "audio/wav")));
  }

  @Produces
  McpTool embeddedResource() {
    return new FixtureTool(
        "test_embedded_resource",
        "Returns an embedded resource.",
        (a, c) ->
            ToolResult.of(
                Content.resource(
                    "test://embedded-resource",
                    "text/plain",
                    "This is an embedded resource content.")));
  }

  @Produces
  McpTool mixed() {
    return new FixtureTool(
        "test_multiple_content_types",
        "Returns text, an image and a resource.",
        (a, c) ->
            ToolResult.of(
                Content.text("Multiple content types test:"),
                Content.image(Media.PNG, "image/png"),
                Content.resource(
                    "test://mixed-content-resource",
                    "application/json",
                    "{\"test\":\"data\",\"value\":123}")));
  }

  @Produces
  McpTool error() {
    return new FixtureTool(
        "test_error_handling",
        "Always fails.",
        (a, c) -> ToolResult.error("This tool intentionally returns an error for testing"));
  }
}
