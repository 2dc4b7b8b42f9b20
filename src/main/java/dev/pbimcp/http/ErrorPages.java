package dev.pbimcp.http;

import dev.pbimcp.mcp.JsonRpc;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The page for every error the web container answers itself (web.xml's catch-all error page): a
 * path it refuses to decode ({@code /mcp#x}, {@code /%}), {@code /WEB-INF/…}, a file not found. Its
 * own page would print the exception, the class that threw it and the line; this one says the
 * status in a sentence, as a JSON-RPC error on the MCP paths and as plain text elsewhere.
 */
@WebServlet(ErrorPages.PATH)
public class ErrorPages extends HttpServlet {
  static final String PATH = "/_error";
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 404;
    String uri =
        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : "";
    HttpErrors.Body body = HttpErrors.body(uri, JsonRpc.SERVER_ERROR, sentence(status));
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(body.type());
    response.getWriter().write(body.text());
  }

  private static String sentence(int status) {
    return switch (status) {
      case 400 -> "Bad Request: the request's path or headers could not be read.";
      case 403 -> "Forbidden.";
      case 404 -> "Not Found.";
      case 405 -> "Method Not Allowed.";
      default ->
          status >= 500
              ? "The server could not answer this request."
              : "The request could not be served (HTTP " + status + ").";
    };
  }
}
