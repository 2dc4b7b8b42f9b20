package dev.pbimcp.http;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header values the fuzzer found to end as 500s are refused with a sentence naming them. */
class HeaderSyntaxTest {
  @Test
  void malformedAcceptValuesAreNamed() {
    assertTrue(HeaderSyntax.problem(List.of("application/json;q=\""), true).startsWith("Accept"));
    assertTrue(HeaderSyntax.problem(List.of("text/event-stream;q=abc"), true).contains("q value"));
    assertTrue(HeaderSyntax.problem(List.of("application/json;q=1.5"), true).contains("q value"));
    assertTrue(HeaderSyntax.problem(List.of("no-slash"), true).contains("not a valid media type"));
  }

  @Test
  void wellFormedValuesPass() {
    assertNull(HeaderSyntax.problem(List.of("application/json, text/event-stream"), true));
    assertNull(HeaderSyntax.problem(List.of("*/*;q=0.8", "text/html;q=0"), true));
    assertNull(HeaderSyntax.problem(List.of("application/json; charset=utf-8"), false));
    assertNull(HeaderSyntax.problem(null, false));
    assertNull(
        HeaderSyntax.problem(List.of("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"), true),
        "Java's HttpURLConnection default");
  }

  @Test
  void aMalformedContentTypeIsNamed() {
    assertTrue(
        HeaderSyntax.problem(List.of("application/json; charset=\"utf-8"), false)
            .startsWith("Content-Type"));
    assertTrue(
        HeaderSyntax.problem(List.of("application/json", "text/plain"), false).contains("once"));
  }
}
