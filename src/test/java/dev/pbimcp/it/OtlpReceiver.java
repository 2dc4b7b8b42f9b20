package dev.pbimcp.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector's front door for tests: OTLP over HTTP with protobuf bodies at {@code
 * /v1/traces}, {@code /v1/metrics} and {@code /v1/logs}, kept as received, with a reader of the few
 * protobuf fields the tests look at (field numbers from opentelemetry-proto).
 */
final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, List<byte[]>> received = new LinkedHashMap<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    for (String signal : List.of("traces", "metrics", "logs")) {
      List<byte[]> bodies = new CopyOnWriteArrayList<>();
      received.put(signal, bodies);
      server.createContext(
          "/v1/" + signal,
          exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
          });
    }
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<byte[]> bodies(String signal) {
    return received.get(signal);
  }

  /** A span: its ids (hex), name, kind (2 server, 3 client) and string attributes. */
  record Span(
      String traceId,
      String spanId,
      String parentId,
      String name,
      long kind,
      Map<String, String> attributes) {}

  /** One data point of a metric: its attributes and its value (a count for histograms). */
  record Point(String metric, Map<String, String> attributes, double value) {}

  List<Span> spans() {
    List<Span> out = new ArrayList<>();
    for (byte[] body : bodies("traces")) {
      for (byte[] rs : Proto.all(body, 1)) {
        for (byte[] ss : Proto.all(rs, 2)) {
          for (byte[] s : Proto.all(ss, 2)) {
            out.add(
                new Span(
                    hex(Proto.one(s, 1)),
                    hex(Proto.one(s, 2)),
                    hex(Proto.one(s, 4)),
                    Proto.text(s, 5),
                    Proto.number(s, 6),
                    attributes(s, 9)));
          }
        }
      }
    }
    return out;
  }

  /** Every data point of every export: sums and gauges (field 5, 7) and histograms (9). */
  List<Point> points() {
    List<Point> out = new ArrayList<>();
    for (byte[] body : bodies("metrics")) {
      for (byte[] rm : Proto.all(body, 1)) {
        for (byte[] sm : Proto.all(rm, 2)) {
          for (byte[] m : Proto.all(sm, 2)) {
            String name = Proto.text(m, 1);
            for (int kind : new int[] {5, 7}) {
              for (byte[] data : Proto.all(m, kind)) {
                for (byte[] p : Proto.all(data, 1)) {
                  double v =
                      Proto.has(p, 6)
                          ? Proto.number(p, 6)
                          : Double.longBitsToDouble(Proto.number(p, 4));
                  out.add(new Point(name, attributes(p, 7), v));
                }
              }
            }
            for (byte[] data : Proto.all(m, 9)) {
              for (byte[] p : Proto.all(data, 1)) {
                out.add(new Point(name, attributes(p, 9), Proto.number(p, 4)));
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> attributes(byte[] message, int field) {
    Map<String, String> out = new LinkedHashMap<>();
    for (byte[] kv : Proto.all(message, field)) {
      byte[] any = Proto.one(kv, 2);
      String value =
          any == null
              ? null
              : Proto.has(any, 1)
                  ? Proto.text(any, 1)
                  : Proto.has(any, 3) ? Long.toString(Proto.number(any, 3)) : "?";
      out.put(Proto.text(kv, 1), value);
    }
    return out;
  }

  private static String hex(byte[] b) {
    return b == null ? "" : HexFormat.of().formatHex(b);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The protobuf wire format, as far as reading fields goes. */
  static final class Proto {
    private Proto() {}

    /** Each occurrence of {@code field}: bytes for length-delimited, a Long for numbers. */
    static List<Object> values(byte[] b, int field) {
      List<Object> out = new ArrayList<>();
      int i = 0;
      while (i < b.length) {
        long[] key = varint(b, i);
        i = (int) key[1];
        int number = (int) (key[0] >>> 3);
        int type = (int) (key[0] & 7);
        Object value;
        switch (type) {
          case 0 -> {
            long[] v = varint(b, i);
            value = v[0];
            i = (int) v[1];
          }
          case 1 -> {
            value = littleEndian(b, i, 8);
            i += 8;
          }
          case 2 -> {
            long[] len = varint(b, i);
            i = (int) len[1];
            value = java.util.Arrays.copyOfRange(b, i, i + (int) len[0]);
            i += (int) len[0];
          }
          case 5 -> {
            value = littleEndian(b, i, 4);
            i += 4;
          }
          default -> throw new IllegalArgumentException("wire type " + type);
        }
        if (number == field) {
          out.add(value);
        }
      }
      return out;
    }

    private static long littleEndian(byte[] b, int at, int bytes) {
      long v = 0;
      for (int k = bytes - 1; k >= 0; k--) {
        v = (v << 8) | (b[at + k] & 0xFF);
      }
      return v;
    }

    private static long[] varint(byte[] b, int i) {
      long v = 0;
      int shift = 0;
      while (true) {
        byte x = b[i++];
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return new long[] {v, i};
        }
        shift += 7;
      }
    }

    static List<byte[]> all(byte[] b, int field) {
      return values(b, field).stream()
          .filter(v -> v instanceof byte[])
          .map(v -> (byte[]) v)
          .toList();
    }

    static byte[] one(byte[] b, int field) {
      List<byte[]> all = all(b, field);
      return all.isEmpty() ? null : all.get(0);
    }

    static boolean has(byte[] b, int field) {
      return !values(b, field).isEmpty();
    }

    static String text(byte[] b, int field) {
      byte[] v = one(b, field);
      return v == null ? null : new String(v, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long number(byte[] b, int field) {
      List<Object> v = values(b, field);
      return v.isEmpty() ? 0 : (Long) v.get(0);
    }
  }
}
