package dev.pbimcp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void stringsAreWrittenAsParssonWritesThemAndReadBackTheSame() {
    Random random = new Random(7);
    char[] alphabet = {
      'a', 'Z', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', 0, 1, 0x1f, 0x7f, 'é', '€', '\ud83d',
      '\ude00', '\u2028'
    };
    for (int round = 0; round < 2_000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String value = s.toString();
      String text = JsonText.string(new StringBuilder(), value).toString();
      JsonString parsson = Jsonp.createValue(value);
      assertEquals(parsson.toString(), text, "as Parsson writes it");
      assertEquals(JsonLength.of(parsson), text.length(), "as JsonLength counts it");
      if (!hasLoneSurrogate(value)) {
        try (var reader = Jsonp.createReader(new StringReader(text))) {
          assertEquals(value, ((JsonString) reader.readValue()).getString(), "read back");
        }
      }
    }
  }

  @Test
  void fieldsFollowTheirComma() {
    StringBuilder b = new StringBuilder("{\"a\":1");
    JsonText.field(b, "name", "x\"y");
    JsonText.field(b, "n", -3);
    assertEquals("{\"a\":1,\"name\":\"x\\\"y\",\"n\":-3}", b.append('}').toString());
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
