package dev.pbimcp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The counted length of a JSON value's text is the length of the text Parsson writes. */
class JsonLengthTest {
  @Test
  void countedAsWritten() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      JsonValue v = RandomJson.value(random);
      assertEquals(v.toString().length(), JsonLength.of(v), v.toString());
    }
  }

  /** The quick bound decides only when it is under the limit; the exact count otherwise. */
  @Test
  void atMostIsTheExactComparison() {
    Random random = new Random(43);
    for (int i = 0; i < 2_000; i++) {
      JsonValue v = RandomJson.value(random);
      int length = v.toString().length();
      assertEquals(true, JsonLength.atMost(v, length), v.toString());
      assertEquals(false, JsonLength.atMost(v, length - 1), v.toString());
      assertEquals(true, JsonLength.atMost(v, 10L * length + 2), v.toString());
    }
  }
}
