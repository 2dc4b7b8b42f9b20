package dev.pbimcp.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestIdTest {
  @Test
  void plainTokensAreKeptOthersReplaced() {
    assertEquals("abc-123_x.y:z", RequestId.accept("abc-123_x.y:z"));
    for (String bad : new String[] {null, "", "has space", "x".repeat(65), "a\nb", "ünï"}) {
      String made = RequestId.accept(bad);
      assertTrue(made.matches("[0-9a-f]{16}"), bad + " -> " + made);
      assertNotEquals(bad, made);
    }
  }

  @Test
  void carriedToAnotherThreadAndTagged() throws Exception {
    RequestId.set("r1");
    try {
      AtomicReference<String> seen = new AtomicReference<>();
      Thread t = new Thread(RequestId.carried(() -> seen.set(RequestId.tag("work failed"))));
      t.start();
      t.join();
      assertEquals("work failed [request r1]", seen.get());
    } finally {
      RequestId.set(null);
    }
    assertNull(RequestId.current());
    assertEquals("plain", RequestId.tag("plain"));
  }
}
