package dev.pbimcp.http;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.mcp.JsonRpc;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request whose {@code Accept} or {@code Content-Type} cannot be parsed, with 400 and a
 * sentence naming the header, before anything else reads it: JAX-RS's own parser throws on them (a
 * {@code q} of {@code abc}, an unclosed quote), which would otherwise end as a 500. On the MCP
 * paths the body is a JSON-RPC error, elsewhere plain text.
 */
@Provider
@PreMatching
@Priority(1)
@Unproxied
public class HeaderSyntax implements ContainerRequestFilter {

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  // A lone "*" too: Java's HttpURLConnection has sent "*; q=.2" for decades.
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("(?:" + TOKEN + "/" + TOKEN + "|\\*)[ \\t]*");
  private static final Pattern PARAMETER =
      Pattern.compile(
          ";[ \\t]*(?:(" + TOKEN + ")=(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")[ \\t]*)?");

  /**
   * Values already parsed and found well-formed: clients send the same few on every request, so
   * those skip the patterns. One set per header (a list of ranges is no Content-Type); bounded, so
   * that strangers cannot grow them.
   */
  private static final java.util.Set<String> WELL_FORMED_ACCEPT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.util.Set<String> WELL_FORMED_TYPE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final int MOST_REMEMBERED = 64;

  @Override
  public void filter(ContainerRequestContext request) {
    String problem = problem(request.getHeaders().get("Accept"), true);
    if (problem == null) {
      problem = problem(request.getHeaders().get("Content-Type"), false);
    }
    if (problem != null) {
      // JAX-RS reads Accept again to write the refusal: it must not meet the broken value there.
      request.getHeaders().remove("Accept");
      request.getHeaders().remove("Content-Type");
      request.abortWith(refusal(request.getUriInfo().getPath(), problem));
    }
  }

  /** What is wrong with these header values, or null when each parses. */
  static String problem(List<String> values, boolean accept) {
    if (values == null) {
      return null;
    }
    String name = accept ? "Accept" : "Content-Type";
    if (!accept && values.size() > 1) {
      return "Content-Type must be sent once.";
    }
    java.util.Set<String> known = accept ? WELL_FORMED_ACCEPT : WELL_FORMED_TYPE;
    for (String value : values) {
      if (known.contains(value)) {
        continue;
      }
      for (String range : accept ? value.split(",") : new String[] {value}) {
        if (range.isBlank()) {
          continue;
        }
        String q = qualityOf(range.strip());
        if (q == null) {
          return name + " is not a valid media type: " + clip(range) + ".";
        }
        if (accept && !q.isEmpty() && !quality(q)) {
          return name + " has a q value that is not a number from 0 to 1: " + clip(range) + ".";
        }
      }
      if (known.size() < MOST_REMEMBERED) {
        known.add(value);
      }
    }
    return null;
  }

  /** A q value as parsers read it (".2" included): a number from 0 to 1. */
  private static boolean quality(String q) {
    if (!q.matches("[0-9]*\\.?[0-9]+")) {
      return false;
    }
    double v = Double.parseDouble(q);
    return v >= 0 && v <= 1;
  }

  /**
   * Parses one media type or range (RFC 9110: {@code type/subtype *(; name=value)}, values tokens
   * or quoted strings) and returns its q parameter, "" when it has none, or null when it does not
   * parse.
   */
  private static String qualityOf(String range) {
    var m = MEDIA_TYPE.matcher(range);
    if (!m.lookingAt()) {
      return null;
    }
    String q = "";
    int at = m.end();
    var p = PARAMETER.matcher(range);
    while (at < range.length()) {
      if (!p.find(at) || p.start() != at) {
        return null;
      }
      if ("q".equalsIgnoreCase(p.group(1))) {
        q = p.group(2);
      }
      at = p.end();
    }
    return q;
  }

  private static Response refusal(String path, String problem) {
    return HttpErrors.forPath(path, 400, JsonRpc.INVALID_REQUEST, "Bad Request: " + problem);
  }

  /** The offending text, short and printable, so that the answer cannot be made to carry much. */
  private static String clip(String s) {
    String printable = s.strip().replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
  }
}
