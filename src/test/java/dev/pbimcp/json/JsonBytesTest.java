package dev.pbimcp.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bytes written are the UTF-8 of the text Parsson writes, an unpaired surrogate and all. */
class JsonBytesTest {
  @Test
  void theBytesOfParssonsText() {
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      JsonValue v = RandomJson.value(random);
      assertArrayEquals(
          v.toString().getBytes(StandardCharsets.UTF_8), JsonBytes.of(v), v.toString());
    }
  }

  /** A thread's buffer grows for a long answer, and the answers after it are whole and exact. */
  @Test
  void longAnswersThenShortOnes() {
    for (int size : new int[] {5_000, 40_000, 3, 9_000, 1}) {
      JsonValue v = Jsonp.createValue("€".repeat(size) + "\ud800x\ud83d\ude00");
      assertArrayEquals(v.toString().getBytes(StandardCharsets.UTF_8), JsonBytes.of(v));
    }
  }
}
