package dev.pbimcp.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Plain-socket HTTP/1.1 for what {@link HttpClient} refuses to send: a forged {@code Host}, a raw
 * {@code #} in the path, a malformed header. A stream's answer is read up to its headers only.
 */
final class RawHttp {
  private RawHttp() {}

  /** An answer as it came: status, the header block as text, the body (de-chunked). */
  record Raw(int status, String headers, String body) {
    boolean headerContains(String text) {
      return headers.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + "\n" + headers + "\n\n" + body;
    }
  }

  /** POST /mcp with a Host of the caller's choosing (DNS rebinding). */
  static Raw post(int port, String host, String body) throws IOException {
    return send(
        port,
        "POST /mcp HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n",
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request head (its lines, without the blank line) and body; reads the answer. */
  static Raw send(int port, String head, byte[] body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(
          (head + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(s.getInputStream());
    }
  }

  private static Raw read(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int split = -1;
    while (split < 0) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      seen.write(b);
      split = seen.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
    }
    String headers = seen.toString(StandardCharsets.ISO_8859_1);
    if (split >= 0) {
      headers = headers.substring(0, split);
    }
    if (headers.length() < 12) {
      return new Raw(0, headers, "");
    }
    int status = Integer.parseInt(headers.substring(9, 12));
    String lower = headers.toLowerCase(Locale.ROOT);
    if (lower.contains("content-type: text/event-stream")) {
      return new Raw(status, headers, ""); // a stream does not end; its headers say enough
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try {
      in.transferTo(rest);
    } catch (SocketTimeoutException e) {
      // What arrived is the answer.
    }
    String body = rest.toString(StandardCharsets.UTF_8);
    if (lower.contains("transfer-encoding: chunked")) {
      body = unchunk(rest.toByteArray());
    }
    return new Raw(status, headers, body);
  }

  private static String unchunk(byte[] chunked) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int eol = at;
      while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
        eol++;
      }
      String size = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0];
      int n = Integer.parseInt(size.strip(), 16);
      if (n == 0) {
        break;
      }
      b.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
      at = eol + 2 + n + 2;
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
