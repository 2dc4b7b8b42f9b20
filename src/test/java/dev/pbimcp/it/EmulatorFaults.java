package dev.pbimcp.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The emulator's fault injection over HTTP ({@code /emulator/faults}) on a server's port. */
final class EmulatorFaults {
  private EmulatorFaults() {}

  /** POSTs a fault (JSON) or, with a null body and DELETE, clears them; returns the status. */
  static int send(int port, String method, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/emulator/faults"))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
