package dev.pbimcp.powerbi;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Says in words, never with a Java class name, how a connection to Power BI failed. */
final class TransportFailures {
  private TransportFailures() {}

  static String describe(Throwable cause) {
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof UnknownHostException) {
      return "its address could not be resolved (check PBIMCP_POWERBI_BASE_URL and DNS)";
    }
    if (cause instanceof ConnectException || message.contains("connection refused")) {
      return "the connection was refused";
    }
    if (cause instanceof NoRouteToHostException) {
      return "there is no network route to it";
    }
    if (cause instanceof SSLException) {
      return "the secure connection could not be set up";
    }
    if (message.contains("reset") || message.contains("closed") || message.contains("eof")) {
      return "the connection was dropped before the answer was complete";
    }
    if (cause instanceof SocketException) {
      return "the connection failed";
    }
    return "the call failed on the way";
  }
}
