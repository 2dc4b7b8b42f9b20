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
}
