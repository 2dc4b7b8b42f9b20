package dev.pbimcp.entra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLServerSocket;

/**
 * Entra's OpenID configuration as the stand-in serves it, over the stand-in's TLS, from a clock
 * that is off by {@code skew}: every answer's {@code Date} header says so. (The JDK's HttpServer
 * always writes the true date, hence a listener of its own.) Its authority is a stand-in authority
 * whose other endpoints are the stand-in's.
 */
public final class SkewedClock implements AutoCloseable {
  private final SSLServerSocket server;

  public SkewedClock(EntraStandIn entra, Duration skew) throws IOException {
    server =
        (SSLServerSocket)
            entra
                .tlsContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread loop =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  answer(s, entra.discoveryJson(), skew);
                } catch (IOException e) {
                  // closed, or a client that went away: the next one is served
                }
              }
            },
            "skewed-clock");
    loop.setDaemon(true);
    loop.start();
  }

  private static void answer(Socket s, String json, Duration skew) throws IOException {
    InputStream in = s.getInputStream();
    int matched = 0;
    // The request head ends with an empty line; nothing else of it matters here.
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(skew));
    OutputStream out = s.getOutputStream();
    out.write(
        ("HTTP/1.1 200 OK\r\nDate: "
                + date
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** An authority (PBIMCP_ENTRA_AUTHORITY) whose discovery answers from the skewed clock. */
  public String authority() {
    return "https://127.0.0.1:" + server.getLocalPort() + "/" + EntraStandIn.TENANT + "/v2.0";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
