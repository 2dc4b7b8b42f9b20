package dev.pbimcp.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the façade shows a person's browser: error pages (when sending the browser back to the
 * client would be unsafe), the consent page, and redirects carrying OAuth parameters.
 */
public final class Pages {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
          + "line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}"
          + "button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.6rem}";

  private Pages() {}

  static Response error(int status, String title, String detail) {
    return page(status, title, "<h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p>", null);
  }

  static Response consent(
      Client client, String redirect, String sealed, String nonce, boolean secure) {
    String host = URI.create(redirect).getHost();
    String body =
        "<h1>Allow access to Power BI?</h1><p><strong>"
            + escape(client.name())
            + "</strong> wants to use this Power BI MCP server as you. After you sign in with"
            + " Microsoft, it will be able to list your workspaces and semantic models and run"
            + " read queries with your permissions.</p><p>It will receive the sign-in at <code>"
            + escape(host == null ? redirect : host)
            + "</code>. Continue only if you started this from that application.</p>"
            + "<form method=\"post\" action=\"consent\"><input type=\"hidden\" name=\"request\""
            + " value=\""
            + escape(sealed)
            + "\"><button name=\"decision\" value=\"allow\">Allow</button>"
            + "<button name=\"decision\" value=\"deny\">Deny</button></form>";
    NewCookie cookie =
        new NewCookie.Builder(AuthorizeEndpoint.CONSENT_COOKIE)
            .value(nonce)
            .path("/oauth")
            .maxAge(600)
            .httpOnly(true)
            .secure(secure)
            .sameSite(NewCookie.SameSite.STRICT)
            .build();
    return page(200, "Allow access", body, cookie);
  }

  private static Response page(int status, String title, String body, NewCookie cookie) {
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + escape(title)
            + "</title><style>"
            + STYLE
            + "</style></head><body>"
            + body
            + "</body></html>";
    Response.ResponseBuilder r =
        Response.status(status)
            .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
            .header("Cache-Control", "no-store")
            .header("X-Frame-Options", "DENY")
            .header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
            .entity(html);
    if (cookie != null) {
      r.cookie(cookie);
    }
    return r.build();
  }

  /** A redirect to {@code base} with the parameters added (null values left out). */
  static Response redirect(String base, Map<String, String> params, int status) {
    StringBuilder b = new StringBuilder(base);
    char sep = base.contains("?") ? '&' : '?';
    for (var e : params.entrySet()) {
      if (e.getValue() != null) {
        b.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
        sep = '&';
      }
    }
    URI location;
    try {
      location = URI.create(b.toString());
    } catch (IllegalArgumentException e) {
      // Only a malformed operator-configured redirect URI gets here; the exception would quote
      // the code, so it is neither thrown nor logged.
      return error(
          400,
          "Redirect URI not usable",
          "The client's redirect URI is not a valid URI. Check PBIMCP_OAUTH_REDIRECT_URIS.");
    }
    return Response.status(status).location(location).header("Cache-Control", "no-store").build();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Text for HTML: the characters that could end an element or an attribute, escaped. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
