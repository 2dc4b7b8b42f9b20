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

  @Test
  void rangesAreReadWhereverTheCommasSemicolonsAndSpacesFall() {
    assertTrue(Accept.eventStream(List.of("application/json,\ttext/event-stream\t;\tq=0.1 ")));
    assertTrue(Accept.eventStream(List.of(",, text/event-stream ,")));
    assertTrue(Accept.eventStream(List.of("text/event-stream;charset=utf-8;q=1")));
    assertTrue(Accept.eventStream(List.of("text/plain;q=0, text/event-stream")));
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=0, application/json;q=1")));
    assertFalse(Accept.eventStream(List.of("text/event-streams", "text/event-strea")));
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=0;q=1")), "the first q counts");
    assertFalse(Accept.eventStream(List.of("text/event-stream;q=NaN")));
    assertFalse(Accept.eventStream(List.of("", ",", ";", "text/event-stream;q=")));
    assertTrue(Accept.eventStream(List.of("text/event-stream;Q=0.001;x=\"a,b\"")));
  }
}
