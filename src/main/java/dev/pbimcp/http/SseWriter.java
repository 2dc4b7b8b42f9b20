package dev.pbimcp.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link EventStream} as Server-Sent Events from a position on: an optional priming event
 * (an id and empty data, so the client can resume even before the first message), then each
 * message, with keep-alive comments while idle. A failed write is a lost client: the stream stays
 * for resumption, the work goes on (disconnection is not cancellation). A lost client is noticed
 * only at the next write, so the keep-alive interval also bounds how long an application stop waits
 * for abandoned streams.
 */
final class SseWriter implements StreamingOutput {
  static final long RETRY_MILLIS = 1000;

  private final EventStream stream;
  private final long afterSeq;
  private final boolean prime;
  private final long keepAliveMillis;
  private final Runnable onLost;

  SseWriter(EventStream stream, long afterSeq, boolean prime, long keepAliveMillis) {
    this(stream, afterSeq, prime, keepAliveMillis, null);
  }

  /** With what to do when the client goes away (2026-07-28: closing the stream cancels). */
  SseWriter(
      EventStream stream, long afterSeq, boolean prime, long keepAliveMillis, Runnable onLost) {
    this.stream = stream;
    this.afterSeq = afterSeq;
    this.prime = prime;
    this.keepAliveMillis = keepAliveMillis;
    this.onLost = onLost;
  }

  static Response response(StreamingOutput writer) {
    return Response.ok(writer, "text/event-stream")
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  @Override
  public void write(OutputStream output) throws IOException {
    int generation = stream.attach();
    Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    long cursor = afterSeq;
    if (prime) {
      out.write("id: " + stream.id() + "_" + cursor + "\nretry: " + RETRY_MILLIS + "\ndata: \n\n");
    } else {
      out.write(": stream open\n\n");
    }
    // Liberty sends headers and the first bytes only at the second flush.
    out.flush();
    out.flush();
    output.flush();
    try {
      while (true) {
        EventStream.Next next = stream.next(cursor, generation, keepAliveMillis);
        if (next instanceof EventStream.Deliver d) {
          out.write(
              "id: "
                  + stream.id()
                  + "_"
                  + d.event().seq()
                  + "\nevent: "
                  + d.event().name()
                  + "\ndata: ");
          out.write(d.event().data());
          out.write("\n\n");
          out.flush();
          cursor = d.event().seq();
          if (d.event().last()) {
            return;
          }
        } else if (next instanceof EventStream.Idle) {
          out.write(": keep-alive\n\n");
          out.flush();
        } else {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      if (onLost != null) {
        onLost.run();
      }
      throw e;
    }
  }
}
