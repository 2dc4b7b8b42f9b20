package dev.pbimcp.http;

import dev.pbimcp.json.JsonTree;
import dev.pbimcp.mcp.JsonRpc;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a JSON body with a size limit; null when it is not JSON. */
final class JsonBodies {
  private JsonBodies() {}

  /** A POST's message, or the answer that refuses it. */
  record Body(JsonValue message, Response refusal) {}

  /**
   * The one set of rules for a POSTed MCP message, on every door (/mcp and /messages): JSON only
   * (415), at most {@code maxBytes} (413), readable and well-formed (400). A body whose
   * Content-Encoding does not match its bytes is unreadable, not a server failure.
   */
  static Body message(HttpHeaders headers, InputStream body, int maxBytes) {
    MediaType type = headers.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return refused(415, JsonRpc.SERVER_ERROR, "Unsupported Media Type: send application/json.");
    }
    JsonValue message;
    try {
      message = read(body, plainLength(headers), maxBytes);
    } catch (TooLarge e) {
      return refused(413, JsonRpc.INVALID_REQUEST, "The message exceeds " + maxBytes + " bytes.");
    } catch (IOException | RuntimeException e) {
      return refused(
          400,
          JsonRpc.PARSE_ERROR,
          "Parse error: the body could not be read (does its Content-Encoding match it?).");
    }
    if (message == null) {
      return refused(
          400,
          JsonRpc.PARSE_ERROR,
          "Parse error: the body is not one JSON value (broken JSON, or more than one message:"
              + " send one JSON-RPC message per POST).");
    }
    return new Body(message, null);
  }

  private static Body refused(int status, int code, String text) {
    return new Body(null, HttpErrors.response(status, null, code, text));
  }

  /** Thrown when the body is larger than allowed. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The body's length when Content-Length gives it and no Content-Encoding changes it (then the
   * body is read in one piece, not probed to its end); -1 otherwise.
   */
  private static int plainLength(HttpHeaders headers) {
    String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
    return encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")
        ? headers.getLength()
        : -1;
  }

  /**
   * The body as one JSON value, null when it is not JSON. MCP messages are UTF-8 (RFC 8259): the
   * bytes are decoded at once (a byte order mark ignored) rather than sniffed for UTF-16 and 32.
   */
  static JsonValue read(InputStream body, int length, int maxBytes) throws IOException, TooLarge {
    if (length > maxBytes) {
      throw new TooLarge();
    }
    byte[] bytes = body.readNBytes(length >= 0 ? length : maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new TooLarge();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      return JsonTree.read(text);
    } catch (JsonException e) { // JsonTree reads without recursion: no stack to overflow
      return null;
    }
  }
}
