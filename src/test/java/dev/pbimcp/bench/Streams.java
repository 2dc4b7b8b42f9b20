package dev.pbimcp.bench;

import dev.pbimcp.it.ProcessSample;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** 1,000 session streams (GET /mcp) held open at once, and what they cost the server. */
final class Streams {
  private Streams() {}

  static void thousand(String base, long pid, List<String> sessions) throws Exception {
    URI uri = URI.create(base);
    double threadsBefore = ProcessSample.threads(pid);
    List<Socket> open = new ArrayList<>();
    int ok = 0;
    long t0 = System.nanoTime();
    try {
      for (String session : sessions) {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.setSoTimeout(10_000);
        open.add(s);
        s.getOutputStream()
            .write(
                ("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                        + "Mcp-Session-Id: "
                        + session
                        + "\r\nMCP-Protocol-Version: 2025-11-25\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        if (statusLine(s.getInputStream()).contains(" 200 ")) {
          ok++;
        }
      }
      System.out.printf(
          "benchmark: %d of %d streams open in %.1f s; threads %.0f -> %.0f, RSS %.0f MB, open"
              + " files %.0f%n",
          ok,
          sessions.size(),
          (System.nanoTime() - t0) / 1e9,
          threadsBefore,
          ProcessSample.threads(pid),
          ProcessSample.rss(pid),
          ProcessSample.openFiles(pid));
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  private static String statusLine(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      b.append((char) c);
    }
    return b.toString();
  }
}
