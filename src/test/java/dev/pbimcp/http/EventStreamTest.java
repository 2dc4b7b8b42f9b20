package dev.pbimcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class EventStreamTest {
  @Test
  void replaysFromAnyPositionAndEndsAfterTheLastEvent() throws Exception {
    EventStream s = new EventStream("s1", "k");
    s.append("a", false);
    s.append("b", false);
    s.append("c", true);
    int gen = s.attach();
    var next = (EventStream.Deliver) s.next(1, gen, 10);
    assertEquals("b", next.event().data());
    assertEquals("c", ((EventStream.Deliver) s.next(2, gen, 10)).event().data());
    assertInstanceOf(EventStream.Finished.class, s.next(3, gen, 10));
  }

  @Test
  void aNewerWriterOrACloseRequestDetachesTheCurrentOne() throws Exception {
    EventStream s = new EventStream("s1", "k");
    int first = s.attach();
    assertInstanceOf(EventStream.Idle.class, s.next(0, first, 10));
    s.requestClose();
    assertInstanceOf(EventStream.Detached.class, s.next(0, first, 10));
    int second = s.attach();
    assertInstanceOf(EventStream.Detached.class, s.next(0, first, 10));
    s.append("x", false);
    assertInstanceOf(EventStream.Deliver.class, s.next(0, second, 10));
  }

  @Test
  void hostNamesAreReadWithoutPorts() {
    assertEquals("127.0.0.1", OriginGuard.hostName("127.0.0.1:9080"));
    assertEquals("[::1]", OriginGuard.hostName("[::1]:9080"));
    assertEquals("localhost", OriginGuard.hostName("localhost"));
    assertEquals("", OriginGuard.hostName(null));
  }
}
