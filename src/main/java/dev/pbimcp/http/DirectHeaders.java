package dev.pbimcp.http;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's headers read from the request's own header map. The {@code @Context HttpHeaders} a
 * resource method gets is a proxy: each call is a reflective call plus a look-up of the current
 * request, and an MCP POST asks for a dozen headers. Only the first call here goes through it.
 */
final class DirectHeaders implements HttpHeaders {
  private final HttpHeaders context;
  private final MultivaluedMap<String, String> map;

  private DirectHeaders(HttpHeaders context) {
    this.context = context;
    this.map = context.getRequestHeaders(); // case-insensitive, as the JAX-RS runtime builds it
  }

  static HttpHeaders of(HttpHeaders headers) {
    return headers == null || headers instanceof DirectHeaders
        ? headers
        : new DirectHeaders(headers);
  }

  @Override
  public List<String> getRequestHeader(String name) {
    return map.get(name);
  }

  /** Like the runtime's: the values joined with commas, null when the header is absent. */
  @Override
  public String getHeaderString(String name) {
    List<String> values = map.get(name);
    if (values == null) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : String.join(",", values);
  }

  @Override
  public MultivaluedMap<String, String> getRequestHeaders() {
    return map;
  }

  /** Content-Length, or -1 when it is absent or not a number. */
  @Override
  public int getLength() {
    String value = getHeaderString(CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public List<MediaType> getAcceptableMediaTypes() {
    return context.getAcceptableMediaTypes();
  }

  @Override
  public List<Locale> getAcceptableLanguages() {
    return context.getAcceptableLanguages();
  }

  @Override
  public MediaType getMediaType() {
    return context.getMediaType();
  }

  @Override
  public Locale getLanguage() {
    return context.getLanguage();
  }

  @Override
  public Map<String, Cookie> getCookies() {
    return context.getCookies();
  }

  @Override
  public Date getDate() {
    return context.getDate();
  }
}
