package dev.pbimcp.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One reading of Accept for POST and GET: a stream only for a client that names it. */
class AcceptTest {
  @Test
  void aStreamOnlyForAClientThatNamesIt() {
    assertTrue(Accept.eventStream(List.of("application/json, text/event-stream")));
    assertTrue(Accept.eventStream(List.of("application/json", "TEXT/Event-Stream; q=0.5")));
    assertFalse(Accept.eventStream(List.of("*/*")), "Claude.ai's wildcard means JSON");
    assertFalse(Accept.eventStream(List.of("text/*")));
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=0")), "q=0 is a refusal");
    assertFalse(Accept.eventStream((List<String>) null));
  }

  @Test
  void aMalformedQualityIsNoYesAndNoCrash() {
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=abc")));
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=\"")));
    assertTrue(Accept.eventStream(List.of("text/event-stream;;charset=utf-8")));
  }
}
