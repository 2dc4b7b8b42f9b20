package dev.pbimcp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
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
      JsonValue ours = JsonTree.read(text);
      assertEquals(parsson(text), ours, text);
      assertEquals(text, ours.toString());
    }
  }

  /**
   * Text broken at random (a character dropped, doubled, replaced, or whitespace put in): read by
   * both into the same value, or refused by both (Parsson's parser held to the whole text).
   */
  @Test
  void brokenTextIsRefusedOrReadAsParssonDoes() {
    Random random = new Random(11);
    String alphabet = "{}[],:\"\\ -+.eE0123456789tfnulrasx\t\n\u0001\u00e9\ud83d";
    int read = 0;
    int refused = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder(RandomJson.value(random).toString());
      for (int k = 1 + random.nextInt(3); k > 0 && b.length() > 0; k--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(4)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, b.charAt(at));
          case 2 -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> b.insert(at, random.nextBoolean() ? ' ' : '\n');
        }
      }
      String text = b.toString();
      JsonValue theirs = parssonWhole(text);
      JsonValue ours;
      try {
        ours = JsonTree.read(text);
      } catch (JsonException e) {
        ours = null;
      }
      if (ours != null) {
        assertEquals(theirs, ours, text);
        read++;
      } else {
        refused++;
        if (theirs != null) {
          fail("Parsson reads what JsonTree refuses: " + text);
        }
      }
    }
    assertEquals(true, read > 1_000 && refused > 1_000, read + " read, " + refused + " refused");
  }

  @Test
  void keepsNumbersAsWritten() {
    JsonObject o =
        JsonTree.read("{\"a\":99999999999999999999,\"b\":1.50,\"c\":-0,\"d\":123456789012345678}")
            .asJsonObject();
    assertEquals("99999999999999999999", o.get("a").toString());
    assertEquals("1.50", o.get("b").toString());
    assertInstanceOf(JsonNumber.class, o.get("c"));
    assertEquals(123456789012345678L, ((JsonNumber) o.get("d")).longValueExact());
    for (String text : new String[] {"[1e400]", "[-1.5E-7]", "[0.0]", "[2147483648]", "[-0.0]"}) {
      assertEquals(parsson(text), JsonTree.read(text), text);
    }
  }

  @Test
  void readsEscapesAsParssonDoes() {
    String text = "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude00\\ud800x\",\"\"]";
    assertEquals(parsson(text), JsonTree.read(text));
  }

  /** A short string read again is the one read before; a long one is a string of its own. */
  @Test
  void shortStringsReadAgainAreTheOnesReadBefore() {
    String longer = "x".repeat(RecentStrings.LONGEST + 1);
    String text = "{\"method\":\"tools/call\",\"q\":\"" + longer + "\"}";
    JsonObject first = JsonTree.read(text).asJsonObject();
    JsonObject second = JsonTree.read(new String(text.toCharArray())).asJsonObject();
    assertSame(first.keySet().iterator().next(), second.keySet().iterator().next());
    assertSame(first.getString("method"), second.getString("method"));
    assertEquals(longer, second.getString("q"));
    assertNotSame(first.getString("q"), second.getString("q"));
  }

  @Test
  void theLastOfTwoEqualKeysWinsAsInParsson() {
    String text = "{\"id\":1,\"id\":{\"x\":[2]}}";
    assertEquals(parsson(text), JsonTree.read(text));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String text :
        new String[] {
          "",
          "   ",
          "{",
          "[1,",
          "{\"a\":}",
          "nul",
          "\"\\ud800",
          "{1:2}",
          "[1,]",
          "{\"a\":1,}",
          "[,1]",
          "01",
          "1.",
          ".5",
          "-",
          "+1",
          "1e",
          "1e+",
          "[1 2]",
          "{\"a\" 1}",
          "\"\t\"",
          "\"\\x\"",
          "\"\\u12\"",
          "\"\\u12g4\"",
          "tru",
          "\u00a01",
          "[1e9999999999]",
          "[" + "9".repeat(JsonTree.MAX_NUMBER_LENGTH + 1) + "]"
        }) {
      assertThrows(JsonException.class, () -> JsonTree.read(text), text);
      assertNull(parssonWhole(text), text);
    }
  }

  /** Stricter than Parsson's reader, which reads the first value and ignores what follows. */
  @Test
  void refusesTextAfterTheValue() {
    for (String text : new String[] {"{} {}", "[1]]", "{\"id\":1}x", "truex", "0 1"}) {
      assertThrows(JsonException.class, () -> JsonTree.read(text), text);
    }
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonTree.read(" {} \r\n"));
  }

  /** Parsson's depth limit, so that no later walk of the value overflows. */
  @Test
  void nestingDeeperThanParssonAllowsIsRefused() {
    for (int depth :
        new int[] {JsonTree.MAX_DEPTH - 1, JsonTree.MAX_DEPTH, JsonTree.MAX_DEPTH + 1}) {
      String deep = "[".repeat(depth) + "]".repeat(depth);
      String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      for (String text : new String[] {deep, nested}) {
        JsonValue theirs = parssonWhole(text);
        if (theirs == null) {
          assertThrows(JsonException.class, () -> JsonTree.read(text), "depth " + depth);
        } else {
          assertEquals(theirs, JsonTree.read(text), "depth " + depth);
        }
      }
    }
    assertThrows(JsonException.class, () -> JsonTree.read("[".repeat(5_000) + "]".repeat(5_000)));
  }

  /**
   * The value Parsson's parser reads from the whole text, null when it refuses the text or finds
   * more after the value (its reader would ignore that).
   */
  private static JsonValue parssonWhole(String text) {
    try (JsonParser p = Jsonp.createParser(new StringReader(text))) {
      p.next();
      JsonValue v = p.getValue();
      return p.hasNext() ? null : v;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonValue parsson(String text) {
    try (JsonReader r = Jsonp.createReader(new StringReader(text))) {
      return r.readValue();
    }
  }
}
