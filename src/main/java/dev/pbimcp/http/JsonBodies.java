package dev.pbimcp.http;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON body with a size limit; null when it is not JSON. */
final class JsonBodies {
  private JsonBodies() {}

  /** Thrown when the body is larger than allowed. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;
  }

  static JsonValue read(InputStream body, int maxBytes) throws IOException, TooLarge {
    byte[] bytes = body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new TooLarge();
    }
    try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readValue();
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }
}
