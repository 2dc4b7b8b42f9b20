package dev.pbimcp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body read by {@link JsonTree} is the value Parsson's reader reads, and refused as it is. */
class JsonTreeTest {
  @Test
  void readsWhatParssonReads() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      String text = RandomJson.value(random).toString();
      JsonValue ours = JsonTree.read(new StringReader(text));
      assertEquals(parsson(text), ours, text);
      assertEquals(text, ours.toString());
    }
  }

  @Test
  void keepsNumbersAsWritten() {
    JsonObject o =
        JsonTree.read(new StringReader("{\"a\":99999999999999999999,\"b\":1.50,\"c\":-0}"))
            .asJsonObject();
    assertEquals("99999999999999999999", o.get("a").toString());
    assertEquals("1.50", o.get("b").toString());
    assertInstanceOf(JsonNumber.class, o.get("c"));
    assertEquals(parsson("[1e400]"), JsonTree.read(new StringReader("[1e400]")));
  }

  @Test
  void theLastOfTwoEqualKeysWinsAsInParsson() {
    String text = "{\"id\":1,\"id\":{\"x\":[2]}}";
    assertEquals(parsson(text), JsonTree.read(new StringReader(text)));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String text :
        new String[] {"", "   ", "{", "[1,", "{\"a\":}", "nul", "\"\\ud800", "{1:2}"}) {
      assertThrows(JsonException.class, () -> JsonTree.read(new StringReader(text)), text);
      assertThrows(JsonException.class, () -> parsson(text), text);
    }
  }

  /** Stricter than Parsson's reader, which reads the first value and ignores what follows. */
  @Test
  void refusesTextAfterTheValue() {
    for (String text : new String[] {"{} {}", "[1]]", "{\"id\":1}x"}) {
      assertThrows(JsonException.class, () -> JsonTree.read(new StringReader(text)), text);
    }
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonTree.read(new StringReader(" {} \r\n")));
  }

  /** The parser's own limit (a RuntimeException), so that no later walk of the value overflows. */
  @Test
  void nestingDeeperThanTheParserAllowsIsRefused() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    assertThrows(RuntimeException.class, () -> JsonTree.read(new StringReader(deep)));
    String allowed = "[".repeat(500) + "]".repeat(500);
    assertEquals(allowed, JsonTree.read(new StringReader(allowed)).toString());
  }

  private static JsonValue parsson(String text) {
    try (JsonReader r = Jsonp.createReader(new StringReader(text))) {
      return r.readValue();
    }
  }
}
