package dev.pbimcp.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one loopback rule, for the address the server binds to, the Host header of a request on a
 * loopback-only server, and redirect URIs of native clients: {@code localhost}, any address of
 * 127.0.0.0/8, and {@code ::1} (bracketed or not).
 */
public final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private Loopback() {}

  public static boolean host(String host) {
    if (host == null) {
      return false;
    }
    if (host.equals("127.0.0.1") || host.equals("localhost")) {
      return true; // nearly every call, without the pattern
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.equals("0:0:0:0:0:0:0:1") // how the servlet API spells ::1
        || IPV4.matcher(h).matches();
  }
}
