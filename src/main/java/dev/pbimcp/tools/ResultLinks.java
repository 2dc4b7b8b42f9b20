package dev.pbimcp.tools;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.json.Jsonp;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.powerbi.QueryResult;
import dev.pbimcp.powerbi.QueryWindow;
import dev.pbimcp.registry.ResourceContents;
import dev.pbimcp.registry.ResourceProvider;
import dev.pbimcp.registry.ResourceTemplateDescriptor;
import dev.pbimcp.registry.Signer;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.ToolPolicy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links to the rest of a query answer ({@code pbimcp://query-results/{token}}), read as CSV with
 * {@code resources/read}. Stateless: the token is the signed request (workspace, model, DAX, the
 * first row, the user it belongs to, its expiry), so any instance serves it by running the query
 * again, and to anyone but its owner it does not exist.
 */
@Unproxied
public class ResultLinks implements ResourceProvider {
  static final String PREFIX = "pbimcp://query-results/";
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final String PURPOSE = "query-result";

  private final Signer signer;
  private final PowerBiGateway gateway;
  private final int budget;
  private final Clock clock;

  @Inject
  public ResultLinks(Signer signer, PowerBiGateway gateway, ToolPolicy policy) {
    this.signer = signer;
    this.gateway = gateway;
    this.budget = policy == null ? ToolPolicy.DEFAULT_RESULT_BUDGET : policy.resultBudget();
    this.clock = Clock.systemUTC();
  }

  /** A link to the rows of a query's answer from {@code offset} on, for the current caller. */
  String link(String workspace, String dataset, String dax, long offset, String impersonated) {
    var claims =
        Jsonp.createObjectBuilder()
            .add("p", PURPOSE)
            .add("w", workspace)
            .add("d", dataset)
            .add("q", dax)
            .add("o", offset)
            .add("u", owner())
            .add("e", clock.instant().plus(LIFETIME).getEpochSecond());
    if (impersonated != null) {
      claims.add("i", impersonated);
    }
    return PREFIX + signer.signed(claims.build());
  }

  @Override
  public List<ResourceTemplateDescriptor> templates() {
    return List.of(
        new ResourceTemplateDescriptor(
            PREFIX + "{token}",
            "query-result",
            "Rest of a query answer",
            "The rows of an execute_powerbi_query answer that did not fit in the tool result, as"
                + " CSV. The links come in that tool's answers and work for an hour, for the user"
                + " who ran the query.",
            "text/csv"));
  }

  @Override
  public Optional<List<JsonObject>> read(String uri) {
    if (!uri.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<JsonObject> claims =
        signer
            .opened(uri.substring(PREFIX.length()))
            .filter(c -> PURPOSE.equals(c.getString("p", "")))
            .filter(c -> owner().equals(c.getString("u", null)));
    if (claims.isEmpty()) {
      return Optional.empty(); // forged, altered or another user's: as if it did not exist
    }
    JsonObject c = claims.get();
    if (c.getJsonNumber("e").longValue() <= clock.instant().getEpochSecond()) {
      throw new ToolException(
          "This result link has expired (links last an hour). Run the query again with"
              + " execute_powerbi_query for fresh links.");
    }
    long offset = c.getJsonNumber("o").longValue();
    QueryResult r;
    try {
      r =
          gateway.query(
              c.getString("w"),
              c.getString("d"),
              c.getString("q"),
              new QueryWindow(offset, 0, 2L * budget),
              c.getString("i", null));
    } catch (PowerBiException e) {
      throw new ToolException(e.getMessage(), e);
    }
    ResultFit.Fit fit = ResultFit.of(r, offset, budget);
    List<JsonObject> contents = new ArrayList<>();
    String csv = fit.csv() == null ? "" : fit.csv();
    contents.add(ResourceContents.text(uri, "text/csv", csv));
    long end = offset + fit.csvRows();
    if (end < r.rowCount()) {
      // Nothing cut silently: what the CSV holds, and where the rest is.
      contents.add(
          ResourceContents.text(
              link(
                  c.getString("w"),
                  c.getString("d"),
                  c.getString("q"),
                  end,
                  c.getString("i", null)),
              "text/plain",
              "The CSV holds rows "
                  + (offset + 1)
                  + " to "
                  + end
                  + " of "
                  + r.rowCount()
                  + "; read this link for the rows after them."));
    }
    return Optional.of(contents);
  }

  private static String owner() {
    return Caller.ownerOf(CallerContext.current().orElse(null));
  }
}
