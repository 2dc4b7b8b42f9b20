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

  /**
   * Sends the same request {@code times} times over one kept-alive connection, each after the last
   * answer (sized by its Content-Length or chunks). The answers' statuses, as many as came before
   * the server closed the connection or said it would ("Connection: close", status 0).
   */
  static java.util.List<Integer> keptAlive(int port, String head, byte[] body, int times)
      throws IOException {
    java.util.List<Integer> statuses = new java.util.ArrayList<>();
    byte[] request =
        (head + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      for (int i = 0; i < times; i++) {
        out.write(request);
        out.write(body);
        out.flush();
        String status = line(in);
        if (status == null) {
          return statuses; // closed without an answer
        }
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
          String l = h.toLowerCase(Locale.ROOT);
          length =
              l.startsWith("content-length:") ? Integer.parseInt(l.substring(15).strip()) : length;
          chunked |= l.startsWith("transfer-encoding:") && l.contains("chunked");
          close |= l.startsWith("connection:") && l.contains("close");
        }
        if (chunked) {
          for (int n; (n = Integer.parseInt(line(in).split(";")[0].strip(), 16)) > 0; line(in)) {
            in.readNBytes(n);
          }
          line(in);
        } else if (length > 0) {
          in.readNBytes(length);
        }
        statuses.add(close ? 0 : Integer.parseInt(status.substring(9, 12)));
        if (close) {
          return statuses;
        }
      }
    }
    return statuses;
  }

  /** One CRLF-ended line; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) >= 0; ) {
      if (c == '\n') {
        return b.toString().stripTrailing();
      }
      b.append((char) c);
    }
    return b.isEmpty() ? null : b.toString();
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
